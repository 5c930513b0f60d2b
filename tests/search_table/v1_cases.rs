//! The first golden table: pastes (English and Swedish, with invented values), fragments,
//! typos and symptoms, each with the error it must find first, or nothing.

/// (query, expected first hit as guide/error, or "" for no hit at all)
pub const CASES: &[(&str, &str)] = &[
    // Pasted English messages, with the person's own values and surrounding noise.
    (
        "Could not create/update work item for alert CPU-High. ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.",
        "D/missing-connector",
    ),
    (
        "2024-11-03T08:15:22.114Z [Error] Could not create/update work item for alert Disk space low on web-07. ITSM Connector 7f1e2d3c-0000-4abc-9def-112233445566 does not exist or was deleted.",
        "D/missing-connector",
    ),
    (
        r#"Unexpected response from ServiceNow along with success status code. Response: { "import_set": "ISET0012345", "staging_table": "x_mioms_microsoft_oms_incident", "result": [ { "transform_map": "OMS Incident", "table": "incident", "status": "error", "error_message": "Target record not found" } ] }"#,
        "D/unexpected-response",
    ),
    (
        r#"{"error":{"message":"Operation Failed","detail":"ACL Exception Update Failed due to security constraints"}}"#,
        "D/exception-update-failure",
    ),
    (
        "System.Net.Http.HttpRequestException: An error occurred while sending the request.",
        "D/problem-sending-a-request",
    ),
    (
        "ServiceDeskHttpBadRequestException: StatusCode=429 at 10:41:07",
        "D/servicenow-rate-problem",
    ),
    (
        "AccessToken and RefreshToken invalid. User needs to authenticate again.",
        "D/invalid-refresh-token",
    ),
    (
        "Could not sync templates configuration for Event,Alert,Incident. See Exception Message for more details.",
        "D/invalid-refresh-token",
    ),
    (
        "Something went wrong. Could not get connection details.",
        "D/lack-of-connection-details",
    ),
    (
        r#"Failed to add ITSM Connection named "prod-snow" due to Bad Request. Error: Bad request. Invalid parameters provided for connection. Http Exception: Status Code Forbidden."#,
        "D/ip-restrictions",
    ),
    (
        "Failed to update ITSM Connection credentials",
        "D/ip-restrictions",
    ),
    (
        "Status: User Not Authenticated (connection snow-eu)",
        "D/authentication",
    ),
    (
        "No values found for the following fields: Assignment group, Category.",
        "T/sync-problems",
    ),
    (
        "Can't retrieve the template configuration, see the connector logs for more information.",
        "T/sync-problems",
    ),
    ("Error in saving connection", "T/error-saving-connection"),
    // Pasted Swedish renderings, with invented values.
    (
        "Det gick inte att skapa/uppdatera arbets objekt för aviseringen Disk-Full. ITSM-anslutningsprogram 1f2e3d4c-aaaa-bbbb-cccc-0123456789ab finns inte eller har tagits bort.",
        "D/missing-connector",
    ),
    (
        "AccessToken och RefreshToken är ogiltiga. Användaren måste autentisera igen.",
        "D/invalid-refresh-token",
    ),
    (
        "något gick fel. Det gick inte att hämta anslutnings information.",
        "D/lack-of-connection-details",
    ),
    (
        "ett fel uppstod när begäran skickades.",
        "D/problem-sending-a-request",
    ),
    (
        "Det gick inte att synkronisera mallars konfigurationen för händelse, avisering, incident.",
        "D/invalid-refresh-token",
    ),
    (
        "uppdatering av ACL-undantag misslyckades på grund av säkerhets begränsningar",
        "D/exception-update-failure",
    ),
    // Fragments: punctuation and spacing do not matter.
    ("StatusCode=429", "D/servicenow-rate-problem"),
    ("StatusCode = 429", "D/servicenow-rate-problem"),
    ("status code 429", "D/servicenow-rate-problem"),
    ("ACL Exception", "D/exception-update-failure"),
    ("does not exist or was deleted", "D/missing-connector"),
    ("x_mioms_microsoft_oms_incident", "D/unexpected-response"),
    ("Status Code Forbidden", "D/ip-restrictions"),
    // Typos: letters missing, doubled, added, swapped.
    ("AccesToken", "D/invalid-refresh-token"),
    ("conection details", "D/lack-of-connection-details"),
    ("does not exsist", "D/missing-connector"),
    ("Unexpeted respone from ServiceNow", "D/unexpected-response"),
    ("User Not Autenticated", "D/authentication"),
    ("duplicatte work items", "T/duplicate-work-items"),
    // Symptoms in people's words, English and Swedish (with and without å ä ö).
    ("token expired", "D/invalid-refresh-token"),
    ("too many requests", "D/servicenow-rate-problem"),
    ("two incidents for one alert", "T/duplicate-work-items"),
    ("CI field is empty", "T/blank-configuration-item"),
    ("firewall blocks azure", "D/ip-restrictions"),
    ("templates missing from the drop-down", "T/sync-problems"),
    ("servicenow instance down", "D/problem-sending-a-request"),
    (
        "cannot create ITSM connector in the portal",
        "T/itsm-action-retirement",
    ),
    ("för många begäranden", "D/servicenow-rate-problem"),
    ("for manga begaranden", "D/servicenow-rate-problem"),
    ("atgarden misslyckades", "D/exception-update-failure"),
    ("anslutningen togs bort", "D/missing-connector"),
    // Unrelated text finds nothing.
    (
        "kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)",
        "",
    ),
    ("kernel panic", ""),
    (
        "at com.example.orders.OrderService.place(OrderService.java:42)",
        "",
    ),
    ("Segmentation fault (core dumped)", ""),
    ("npm ERR! code ENOENT npm ERR! syscall open", ""),
    ("The quick brown fox jumps over the lazy dog", ""),
    (
        "Traceback (most recent call last): File \"app.py\", line 3, in <module> ZeroDivisionError: division by zero",
        "",
    ),
    (
        "docker: Error response from daemon: pull access denied for myimage, repository does not exist",
        "",
    ),
];
