using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Accounts;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Investigate.BulkJobs
{
    /// <summary>One message of a job for one of its recipients' mailboxes (as a move acts per mailbox).</summary>
    internal sealed class BulkJobMessage
    {
        public BulkJobMessage(InvestigateMessage message, string recipient, DateTimeOffset createdAt)
        {
            Message = message;
            Recipient = recipient;
            CreatedAt = createdAt;
        }

        public InvestigateMessage Message { get; }
        public string Recipient { get; }
        public DateTimeOffset CreatedAt { get; }
        public string Status { get; set; } = BulkJob.Pending;
        public DateTimeOffset? ProcessedAt { get; set; }
        public string? StatusMessage { get; set; }
    }

    /// <summary>
    /// A bulk action job: moves or releases every message its search finds. It does its work in steps, never on its
    /// own: PENDING, then one step discovers the messages (DISCOVERING), each further step acts on <c>perStep</c> of
    /// them (PROCESSING; more when the last message has other mailboxes, so no message is left half done), and the
    /// step that finds nothing left finishes it (COMPLETED, or FAILED when every attempt failed). Phish submissions,
    /// and for a release messages not in quarantine, are skipped at discovery; a move of a message in quarantine fails
    /// (it is in no mailbox) and marks it move_failed.
    /// </summary>
    internal sealed class BulkJob
    {
        public const string Pending = "PENDING";
        public const string Discovering = "DISCOVERING";
        public const string Processing = "PROCESSING";
        public const string Completed = "COMPLETED";
        public const string Failed = "FAILED";
        public const string Cancelled = "CANCELLED";
        public const string Skipped = "SKIPPED";

        public static readonly string[] Statuses = { Pending, Discovering, Processing, Completed, Failed, Cancelled };
        public static readonly string[] MessageStatuses =
            { Pending, Processing, Completed, Failed, Cancelled, Skipped };
        public static readonly string[] Actions = { "MOVE", "RELEASE" };

        private readonly List<BulkJobMessage> _messages = new List<BulkJobMessage>();
        private readonly HashSet<string> _actedOn = new HashSet<string>(StringComparer.Ordinal);

        public BulkJob(
            string jobId,
            string action,
            JsonObject searchParams,
            Func<AccountState, IReadOnlyList<InvestigateMessage>> search,
            DateTimeOffset createdAt)
        {
            JobId = jobId;
            Action = action;
            SearchParams = searchParams;
            Search = search;
            CreatedAt = createdAt;
        }

        public string JobId { get; }
        public string Action { get; }
        public JsonObject SearchParams { get; }
        public Func<AccountState, IReadOnlyList<InvestigateMessage>> Search { get; }
        public DateTimeOffset CreatedAt { get; }
        public string? Destination { get; set; }
        public string? ExpectedDisposition { get; set; }
        public string? Comment { get; set; }
        public string Status { get; private set; } = Pending;
        public DateTimeOffset? StartedAt { get; private set; }
        public DateTimeOffset? CompletedAt { get; private set; }
        public string? StatusMessage { get; private set; }
        public IReadOnlyList<BulkJobMessage> Messages => _messages;

        public bool IsFinished => Status == Completed || Status == Failed || Status == Cancelled;

        private int Count(params string[] statuses) => _messages.Count(m => statuses.Contains(m.Status));

        /// <summary>One step of work; nothing once the job is finished.</summary>
        public void Step(AccountState account, int perStep, DateTimeOffset now)
        {
            if (IsFinished)
            {
                return;
            }
            if (Status == Pending)
            {
                Discover(account, now);
                return;
            }
            List<BulkJobMessage> pending = _messages.Where(m => m.Status == Pending).ToList();
            if (pending.Count == 0)
            {
                Finish(now);
                return;
            }
            List<BulkJobMessage> batch = pending.Take(perStep).ToList();
            batch.AddRange(pending.Skip(perStep).TakeWhile(m => m.Message == batch[batch.Count - 1].Message));
            Status = Processing;
            foreach (BulkJobMessage entry in batch)
            {
                Act(entry, now);
            }
        }

        /// <summary>Stops the job: what it has not acted on yet is cancelled.</summary>
        public void Cancel(DateTimeOffset now)
        {
            foreach (BulkJobMessage entry in _messages.Where(m => m.Status == Pending))
            {
                entry.Status = Cancelled;
                entry.StatusMessage = "Cancelled before it was processed";
            }
            Status = Cancelled;
            CompletedAt = now;
            StatusMessage = "Cancelled through the API";
        }

        private void Discover(AccountState account, DateTimeOffset now)
        {
            Status = Discovering;
            StartedAt = now;
            foreach (InvestigateMessage message in Search(account))
            {
                string? skip = message.IsPhishSubmission ? "Phish submissions are not acted on"
                    : Action == "RELEASE" && !message.IsQuarantined ? "Message is not in quarantine"
                    : null;
                foreach (string recipient in message.RecipientAddresses)
                {
                    _messages.Add(new BulkJobMessage(message, recipient, now)
                    {
                        Status = skip == null ? Pending : Skipped,
                        StatusMessage = skip,
                    });
                }
            }
        }

        /// <summary>
        /// The message is acted on once, for its first mailbox; its other mailboxes share the outcome.
        /// </summary>
        private void Act(BulkJobMessage entry, DateTimeOffset now)
        {
            InvestigateMessage message = entry.Message;
            string by = "bulk action job " + JobId;
            entry.ProcessedAt = now;
            if (Action == "MOVE" && message.IsQuarantined)
            {
                message.MarkMoveFailed();
                entry.Status = Failed;
                entry.StatusMessage = "Message is in quarantine, not in a mailbox; release it instead";
            }
            else if (ActOnce(message, by, now))
            {
                entry.Status = Completed;
                entry.StatusMessage = Action == "MOVE" ? "Moved to " + Destination : "Released";
            }
            else
            {
                entry.Status = Failed;
                entry.StatusMessage = "Message is no longer in quarantine";
            }
        }

        private bool ActOnce(InvestigateMessage message, string by, DateTimeOffset now)
        {
            if (_actedOn.Contains(message.Id))
            {
                return true;
            }
            if (Action == "MOVE")
            {
                MessageActions.ApplyMove(message, Destination!, now, by);
            }
            else if (!MessageActions.ApplyRelease(message, now, by))
            {
                return false;
            }
            _actedOn.Add(message.Id);
            return true;
        }

        private void Finish(DateTimeOffset now)
        {
            int successful = Count(Completed);
            int failed = Count(Failed);
            Status = failed > 0 && successful == 0 ? Failed : Completed;
            CompletedAt = now;
            string verb = Action == "MOVE" ? "Moved" : "Released";
            StatusMessage = verb + " " + successful + " of " + _messages.Count + " messages; " + failed + " failed, "
                + Count(Skipped) + " skipped";
        }

        public JsonObject ToJson() => new JsonObject
        {
            ["job_id"] = JobId,
            ["action_type"] = Action,
            ["action_params"] = ActionParams(null),
            ["created_at"] = Json.Date(CreatedAt),
            ["status"] = Status,
            ["search_params"] = SearchParams.DeepClone(),
            ["total_messages_discovered"] = _messages.Count,
            ["messages_pending"] = Count(Pending, Processing),
            ["messages_successful"] = Count(Completed),
            ["messages_failed"] = Count(Failed),
            ["messages_skipped"] = Count(Skipped),
            ["messages_cancelled"] = Count(Cancelled),
            ["comment"] = Comment,
            ["started_at"] = Json.Date(StartedAt),
            ["completed_at"] = Json.Date(CompletedAt),
            ["status_message"] = StatusMessage,
        };

        public JsonObject ToJson(BulkJobMessage entry) => new JsonObject
        {
            ["action_type"] = Action,
            ["action_params"] = ActionParams(entry.Recipient),
            ["created_at"] = Json.Date(entry.CreatedAt),
            ["message_id"] = entry.Message.Id,
            ["postfix_id"] = entry.Message.PostfixId,
            ["retry_count"] = 0,
            ["status"] = entry.Status,
            ["alert_id"] = entry.Message.AlertId,
            ["email_message_id"] = entry.Message.MessageIdHeader,
            ["message"] = MessageJson.Write(entry.Message, ApiVersion.V2026_10),
            ["processed_at"] = Json.Date(entry.ProcessedAt),
            ["retry_after"] = null,
            ["status_message"] = entry.StatusMessage,
        };

        /// <summary>The job's action_params, or with a recipient those of one of its messages.</summary>
        private JsonObject ActionParams(string? recipient)
        {
            var parameters = new JsonObject { ["type"] = Action };
            if (recipient != null)
            {
                parameters["client_recipient"] = recipient;
            }
            if (Action == "MOVE")
            {
                parameters["destination"] = Destination;
                parameters["expected_disposition"] = ExpectedDisposition;
            }
            return parameters;
        }
    }
}
