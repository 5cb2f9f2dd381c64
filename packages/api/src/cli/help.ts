export const HELP = `Usage: hotjar-api <command> [options]   (or: npx @hotjar-bridge/api <command> [options])

Hotjar's REST API from the command line. Credentials come from the environment:
  HOTJAR_CLIENT_ID       the API key's client id (required)
  HOTJAR_CLIENT_SECRET   the API key's client secret (required)
  HOTJAR_API_URL         another base URL, for a proxy or a test server (default https://api.hotjar.io)
Spaces, tabs and a carriage return around these values (a copy from a dashboard or a Windows file) are removed.

Commands:
  surveys <siteId>                  list a site's surveys as a table
      --json                        print them as JSON instead

  responses <siteId> <surveyId>     export every response to a survey, newest first
      --format ndjson|csv           one JSON object per line, or CSV with one column per question (default ndjson)
      --out FILE                    write to FILE, a regular file (through FILE.partial, renamed when complete); default stdout
      --cursor CURSOR               resume an interrupted export from the cursor it printed (with --out, into its FILE.partial)
      --limit N                     responses per request, 1 to 100 (default 100)

  lookup-user <organizationId>      a data-subject request: find a person's data, then delete it or have Hotjar email a report
      --email EMAIL                 the person's email address
      --user SITE:ID                a site id and the user id your site sends to Hotjar; repeat for each site (one id per site)
      --delete                      delete all their data (asks for confirmation on a terminal; elsewhere needs --yes)
      --yes                         do not ask for confirmation

Options for every command:
  --retries N                       retries after a 429, a 5xx or a network error (default 4; a deletion is never sent twice)
  --timeout SECONDS                 the longest one request may take, headers and body (default 30)
  -h, --help                        show this help

Ids are whole numbers up to 9007199254740991. Text from Hotjar is printed with control characters
shown as \\xHH or \\uHHHH, and without the secret or a token.

Exit codes: 0 done, 1 the API or the output failed, 2 bad usage (or a deletion not confirmed),
130 an export stopped by Ctrl-C (after its last whole page; it prints the command to resume).
`;
