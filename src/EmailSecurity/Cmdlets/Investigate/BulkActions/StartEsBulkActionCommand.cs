using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Starts a bulk action job (<c>POST /investigate/bulk</c>) that moves or releases every message a search finds,
    /// the search given with Get-EsMessage's filters. Before asking, it counts what the search finds now (<c>GET
    /// /investigate</c>, one message per page).
    /// </summary>
    /// <remarks>
    /// The filter parameters repeat Get-EsMessage's (a cmdlet binds only its own properties): names, types, aliases and
    /// validation must stay the same, which BulkActionTests checks.
    /// </remarks>
    [Cmdlet(VerbsLifecycle.Start, "EsBulkAction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(BulkAction))]
    public sealed class StartEsBulkActionCommand : EsChangeCmdlet
    {
        private const string MoveAction = "Move";
        private const string ReleaseAction = "Release";

        private string? sender;
        private string? recipient;
        private Dictionary<string, object>? search;
        private string? searchText;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateSet(MoveAction, ReleaseAction)]
        public string Action { get; set; } = string.Empty;

        /// <summary>The folder a Move takes the messages to.</summary>
        [Parameter]
        [ValidateSet(ApiValues.Folder.Inbox, ApiValues.Folder.JunkEmail, ApiValues.Folder.DeletedItems,
            ApiValues.Folder.RecoverableItemsDeletions, ApiValues.Folder.RecoverableItemsPurges)]
        public string? Destination { get; set; }

        [Parameter]
        [ApiQuery("query")]
        [ValidateNotNullOrEmpty]
        public string? Query { get; set; }

        [Parameter]
        [Alias("SenderAddress")]
        [ValidateNotNullOrEmpty]
        public string? Sender { get; set; }

        /// <summary>-Sender as the API takes it ('*@contoso.com' is sent as the domain).</summary>
        [ApiQuery("sender")]
        internal string? SenderFilter => sender;

        [Parameter]
        [Alias("RecipientAddress")]
        [ValidateNotNullOrEmpty]
        public string? Recipient { get; set; }

        [ApiQuery("recipient")]
        internal string? RecipientFilter => recipient;

        [Parameter]
        [ApiQuery("subject")]
        [ValidateNotNullOrEmpty]
        public string? Subject { get; set; }

        /// <summary>Only a job's search has it; a search of messages (the count) does not.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ExactSubject { get; set; }

        [Parameter]
        [ApiQuery("domain")]
        [ValidateNotNullOrEmpty]
        public string? Domain { get; set; }

        [Parameter]
        [ApiQuery("final_disposition")]
        [ValidateSet(ApiValues.SearchDisposition.Malicious, ApiValues.SearchDisposition.Suspicious,
            ApiValues.SearchDisposition.Spoof, ApiValues.SearchDisposition.Spam, ApiValues.SearchDisposition.Bulk,
            ApiValues.SearchDisposition.None)]
        public string? Disposition { get; set; }

        [Parameter]
        [ApiQuery("message_action")]
        [ValidateSet(ApiValues.MessageAction.Preview, ApiValues.MessageAction.QuarantineReleased,
            ApiValues.MessageAction.Moved)]
        public string? MessageAction { get; set; }

        [Parameter]
        [ApiQuery("alert_id")]
        [ValidateNotNullOrEmpty]
        public string? AlertId { get; set; }

        [Parameter]
        [ApiQuery("message_id")]
        [ValidateNotNullOrEmpty]
        public string? MessageId { get; set; }

        [Parameter]
        [ApiQuery("delivery_status")]
        [ValidateSet(
            ApiValues.DeliveryStatus.Delivered, ApiValues.DeliveryStatus.Moved, ApiValues.DeliveryStatus.Quarantined,
            ApiValues.DeliveryStatus.Rejected,
            ApiValues.DeliveryStatus.Deferred, ApiValues.DeliveryStatus.Bounced, ApiValues.DeliveryStatus.Queued,
            ApiValues.DeliveryStatus.MoveFailed)]
        public string? DeliveryStatus { get; set; }

        [Parameter]
        [ApiQuery("detections_only")]
        public SwitchParameter DetectionsOnly { get; set; }

        [Parameter]
        [ApiQuery("start")]
        [Alias("StartDate")]
        [DateTimeOffsetInput]
        public DateTime? Start { get; set; }

        [Parameter]
        [ApiQuery("end")]
        [Alias("EndDate")]
        [DateTimeOffsetInput]
        public DateTime? End { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Comment { get; set; }

        /// <summary>Waits until the job has ended, showing its progress, and writes the finished job.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Starts the job without asking (and without counting the messages first).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ChangedNoun => "bulk action job";

        /// <summary>A job that may have been created has no id known here: it is looked for by its search.</summary>
        protected override string CheckFor(string target) =>
            $"{CheckCommand} | Where-Object {{ \"$($_.SearchParameters)\" -eq {Quoted(target)} }}";

        private bool IsMove => string.Equals(Action, MoveAction, StringComparison.OrdinalIgnoreCase);

        protected override void BeginProcessing()
        {
            if (DateRange.Problem(Start, End) is ErrorRecord badRange)
            {
                ThrowTerminatingError(badRange);
            }

            sender = AddressFilter.ToApiValue(Sender, nameof(Sender), out var senderProblem);
            recipient = AddressFilter.ToApiValue(Recipient, nameof(Recipient), out var recipientProblem);
            if ((senderProblem ?? recipientProblem ?? ActionProblem()) is ErrorRecord problem)
            {
                ThrowTerminatingError(problem);
            }

            search = BoundApiValues.Query(this).ToDictionary(f => f.Name,
                f => f.Value is DateTimeOffset time ? ApiRequest.InstantText(time) : f.Value);
            if (ExactSubject != null)
            {
                search["exact_subject"] = ExactSubject;
            }

            if (search.Count == 0)
            {
                ThrowTerminatingError(Refused(
                    "EsBulkActionWithoutSearch",
                    "Give at least one search filter: without one the job would act on every message of the account.",
                    "Narrow the job as you would narrow Get-EsMessage (-Sender, -Subject, -Disposition, " +
                    "-Start/-End...), and check what it finds with Get-EsMessage first."));
            }

            searchText = JsonSerializer.Deserialize<BulkActionSearch>(JsonSerializer.Serialize(search))!.ToString();
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            var action = IsMove ? "Start a bulk job that moves every matching message to " +
                $"{BoundApiValues.InSetSpelling(this, nameof(Destination))}"
                : "Start a bulk job that releases every matching message from quarantine";
            // -Force skips the question, not -WhatIf.
            if ((WhatIfGiven || !Force) && !ShouldProcess(Target(CountMatching()), action))
            {
                return;
            }

            BulkAction? started = null;
            var body = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["action"] = IsMove ? ApiValues.BulkAction.Move : ApiValues.BulkAction.Release,
            };
            if (IsMove)
            {
                body["destination"] = BoundApiValues.InSetSpelling(this, nameof(Destination));
            }

            if (Comment != null)
            {
                body["comment"] = Comment;
            }

            body["search_params"] = search;
            var connection = ConnectionFor(null)!;
            RunChange(action, searchText!, connection, async (client, bridge, token) =>
            {
                started = (await client.SendAsync<BulkAction>(
                    ApiCatalog.CollectionOf<BulkAction>().Create!.Request().WithFields(body), token)
                    .ConfigureAwait(false)).Result;
                if (!Wait)
                {
                    // Written within the work, so the job remembers the connection it was started on.
                    bridge.Post(() => WriteObject(started));
                }
            });

            if (started != null && Wait)
            {
                BulkActionWaiter.Wait(this, new[] { (connection, started.Id) }, null);
            }
        }

        private bool WhatIfGiven => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given)
            ? ((SwitchParameter)given).IsPresent
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        /// <summary>
        /// How many messages the search finds now (one search request for one message); null when it cannot tell.
        /// </summary>
        private long? CountMatching()
        {
            long? count = null;
            var request = BoundApiValues.AddQuery(this, ApiCatalog.Investigate.List.Request()).WithQuery("per_page", 1);
            RunApi(async (client, bridge, token) =>
            {
                count = (await client.SendAsync<JsonElement>(request, token).ConfigureAwait(false)).Info?.TotalCount;
            }, searchText,
                failure => WriteWarning($"The messages the search finds could not be counted: {failure.Message}"));
            return count;
        }

        /// <summary>What -WhatIf and -Confirm name: the search and how many messages it finds now.</summary>
        private string Target(long? count)
        {
            var found = count == null ? "the search could not be counted"
                : ExactSubject != null
                ? $"at most {count:N0} now: the count matches the subject's words, the job the exact subject"
                : $"{count:N0} now";
            return $"every message matching {searchText} ({found})";
        }

        private ErrorRecord? ActionProblem()
        {
            if (IsMove && Destination == null)
            {
                return Refused("EsBulkActionNeedsDestination",
                    "-Action Move needs -Destination: the folder to move the messages to.",
                    "Add -Destination (Inbox, JunkEmail, DeletedItems, RecoverableItemsDeletions or " +
                    "RecoverableItemsPurges).");
            }

            if (!IsMove && Destination != null)
            {
                return Refused("EsBulkActionNeedsNoDestination",
                    "-Action Release delivers messages from quarantine to their recipients: it takes no -Destination.",
                    "Leave out -Destination, or use -Action Move to move the messages to that folder.");
            }

            return null;
        }

        private static ErrorRecord Refused(string errorId, string message, string advice) =>
            new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, null)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = advice },
            };
    }
}
