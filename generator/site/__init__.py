"""The site as a library, without mkdocs: the pipeline that loads and checks every content type
(pipeline), the plan of every page and file (plan) with the pages that span types (directory,
get_help, audit, history, redirects), and rendering (render: filters and helpers only; planners hand
templates complete contexts).

May import generator.core, generator.common and generator.kinds."""
