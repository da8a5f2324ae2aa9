"""Field types and rules that several content types share: model fields (fields), opening hours and
when something is open (hours, schedule), phone numbers, distances (geo), doses and text as a reader
sees it (doses, plaintext, text_checks), identifying details (deidentify), Markdown rendering and
sanitising, review and sources of guidance (review), freshness (the one rule for verification,
review, service and test-call dates), QR codes.

May import generator.core only."""
