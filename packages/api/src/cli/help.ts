export const HELP = `Usage: hotjar-api <command> [options]

Hotjar's REST API from the command line. Credentials come from the environment:
  HOTJAR_CLIENT_ID       the API key's client id (required)
  HOTJAR_CLIENT_SECRET   the API key's client secret (required)
  HOTJAR_API_URL         another base URL, for a proxy or a test server (default https://api.hotjar.io)

Commands:
  surveys <siteId>                  list a site's surveys as a table
      --json                        print them as JSON instead

  responses <siteId> <surveyId>     export every response to a survey, newest first
      --format ndjson|csv           one JSON object per line, or CSV with one column per question (default ndjson)
      --out FILE                    write to FILE (through FILE.partial, renamed when complete); default stdout
      --cursor CURSOR               resume an interrupted export from the cursor it printed
      --limit N                     responses per request, 1 to 100 (default 100)

  lookup-user <organizationId>      a data-subject request: find a person's data, then delete it or have Hotjar email a report
      --email EMAIL                 the person's email address
      --user SITE:ID                a site id and the user id your site sends to Hotjar; repeat for each site
      --delete                      delete all their data (asks for confirmation)
      --yes                         do not ask for confirmation

Options for every command:
  --retries N                       retries after a 429, a 5xx or a network error (default 4)
  -h, --help                        show this help

Exit codes: 0 done, 1 the API or the output failed, 2 bad usage (or a deletion not confirmed),
130 an export stopped by Ctrl-C (after its last whole page; it prints the cursor to resume).
`;
