"""One pydantic model per content type; ``extra="forbid"`` makes every typo in a key an error."""
