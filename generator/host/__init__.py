"""mkdocs as a host: the plugin that adds the planned pages and files to mkdocs and names no content
type (plugin), the two-process `kb build` (build, build_stage), mkdocs.yml (config), running a command
without tracebacks (guard), the Pagefind index (search), the content security policy (csp), the
service worker and icons (offline) and site-folder safety (site_output).

May import generator.core, generator.common, generator.kinds, generator.site and generator.exports."""
