using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Base of the cmdlets that change something through the API (move, release, reclassify, create, edit, delete).
    /// Every target a run handles gets an outcome in its ledger: applied, failed, unknown or never sent. Every error is
    /// an <see cref="EsChangeException"/> that names its target and carries the ledger; when the outcome is unknown it
    /// says the change may have been applied and how to check it with the Get- cmdlet of what was changed, and never
    /// to run the command again. A new change cmdlet gets all this by deriving from this class.
    /// </summary>
    public abstract class EsChangeCmdlet : EsApiCmdlet
    {
        internal ChangeLedger Ledger { get; } = new ChangeLedger();

        /// <summary>What one object this cmdlet changes is called in messages: "message", "allow policy".</summary>
        protected abstract string ChangedNoun { get; }

        /// <summary>
        /// The Get- cmdlet that shows whether a change was applied: Get- with this cmdlet's noun, unless what the
        /// cmdlet changes has another noun (a reclassification is seen on its message).
        /// </summary>
        internal virtual string CheckCommand =>
            "Get-" + ((CmdletAttribute)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute))).NounName;

        /// <summary>The command that shows one target, e.g. "Get-EsMessage -Id 'abc'".</summary>
        protected virtual string CheckFor(string target) => $"{CheckCommand} -Id {Quoted(target)}";

        /// <summary>
        /// Whether -Force answers the question this cmdlet would ask (Unblock-EsMessage, the settings Remove- cmdlets).
        /// </summary>
        protected virtual bool Forced => false;

        /// <summary>
        /// ShouldProcess, except that -Force (<see cref="Forced"/>) goes ahead without asking, as Exchange Online's
        /// cmdlets do, unless -Confirm asks for the question; -WhatIf still describes the change and makes none.
        /// </summary>
        protected bool ShouldChange(string target, string action)
        {
            var whatIf = IsBound("WhatIf")
                ? ((SwitchParameter)MyInvocation.BoundParameters["WhatIf"]).IsPresent
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
            return (Forced && !IsBound("Confirm") && !whatIf) || ShouldProcess(target, action);
        }

        private bool yesToAll;
        private bool noToAll;

        /// <summary>
        /// The prompt a High impact cmdlet would show (<paramref name="question"/>) when neither -Confirm nor
        /// -Confirm:$false was given and $ConfirmPreference is not None: a cmdlet's impact is fixed, but some of its
        /// changes (a purge, a delete) can be graver than the others. ShouldProcess has already asked when -Confirm was
        /// given.
        /// </summary>
        protected bool ConfirmedAsHighImpact(string question, string action, string target)
        {
            if (IsBound("Confirm"))
            {
                return true;
            }

            // ShouldProcess has already asked when $ConfirmPreference is at or below this cmdlet's own impact; None
            // means never ask.
            var impact =
                ((CmdletAttribute)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute))).ConfirmImpact;
            if (GetVariableValue("ConfirmPreference") is ConfirmImpact preference
                && (preference == ConfirmImpact.None || preference <= impact))
            {
                return true;
            }

            return ShouldContinue($"{question}{Environment.NewLine}{action}: {target}", $"Confirm {action}",
                ref yesToAll, ref noToAll);
        }

        /// <summary>Text as a single-quoted PowerShell string.</summary>
        protected static string Quoted(string text) => "'" + text.Replace("'", "''") + "'";

        /// <summary>
        /// Runs the change of one target: applied when <paramref name="work"/> returns; otherwise the error of what its
        /// failure leaves known (failed, or unknown when the API may have carried it out).
        /// </summary>
        internal void RunChange(
            string action,
            string target,
            EsConnection connection,
            Func<EsApiClient, PipelineBridge, CancellationToken, Task> work) =>
            RunApi(
                async (client, bridge, token) =>
                {
                    await work(client, bridge, token).ConfigureAwait(false);
                    bridge.Post(() => Ledger.Record(target, ChangeOutcome.Applied));
                },
                target,
                failure =>
                {
                    var outcome = OutcomeOf(failure);
                    Ledger.Record(target, outcome, DetailOf(failure));
                    if (outcome == ChangeOutcome.Failed && failure is EsApiException refused
                        && Explain(refused, target) is Refusal refusal)
                    {
                        WriteError(new ErrorRecord(ChangeError(action, target, outcome, refusal.Message, failure),
                            refusal.ErrorId, refusal.Category, target)
                        {
                            ErrorDetails = new ErrorDetails(refusal.Message) { RecommendedAction = refusal.Advice },
                        });
                        return;
                    }

                    WriteChangeError(ChangeError(action, target, outcome, failure.Message, failure));
                },
                connection);

        /// <summary>
        /// A refusal this cmdlet can explain better than the API's words (a job that has not finished yet); null to
        /// write the API's error as it is.
        /// </summary>
        internal virtual Refusal? Explain(EsApiException refused, string target) => null;

        /// <summary>What an explained refusal says: its ErrorId, category, message and advice.</summary>
        internal sealed class Refusal
        {
            public Refusal(string errorId, ErrorCategory category, string message, string advice)
            {
                ErrorId = errorId;
                Category = category;
                Message = message;
                Advice = advice;
            }

            public string ErrorId { get; }

            public ErrorCategory Category { get; }

            public string Message { get; }

            public string Advice { get; }
        }

        /// <summary>
        /// Runs <paramref name="change"/> for each target in order. When the command stops (an error under -ErrorAction
        /// Stop, Halt at an Inquire prompt, Ctrl+C), the targets not reached yet are recorded as never sent before the
        /// stop goes on, so the error that stopped it names them too.
        /// </summary>
        protected void ForEachTarget(IReadOnlyList<string> targets, Action<string> change)
        {
            for (var i = 0; i < targets.Count; i++)
            {
                try
                {
                    change(targets[i]);
                }
                catch (Exception stop) when (stop is PipelineStoppedException || stop is ActionPreferenceStopException)
                {
                    // WriteError under Stop records the error and throws PipelineStoppedException; the engine then
                    // reports the error itself. (Ctrl+C stops with the same exception: those targets were not sent
                    // either.)
                    Ledger.RecordNotSent(targets.Skip(i + 1));
                    throw;
                }
            }
        }

        /// <summary>
        /// The error of one target whose outcome is already in the ledger; <paramref name="cause"/> explains it.
        /// </summary>
        internal EsChangeException ChangeError(
            string action,
            string target,
            ChangeOutcome outcome,
            string cause,
            Exception? inner)
        {
            var message = outcome == ChangeOutcome.Unknown
                ? $"The outcome of '{action}' for {ChangedNoun} '{target}' is unknown: it may have been " +
                    $"applied. {cause}"
                : $"'{action}' failed for {ChangedNoun} '{target}': {cause}";
            return new EsChangeException(message, action, target, outcome, CheckCommand, Ledger.Entries, inner);
        }

        /// <summary>
        /// Writes the error; <paramref name="refusedErrorId"/> names a failure the API reported for this target alone.
        /// </summary>
        internal void WriteChangeError(EsChangeException error, string? refusedErrorId = null) =>
            WriteError(ErrorRecords.ForChange(error, CheckFor(error.Target), refusedErrorId));

        /// <summary>
        /// What a failed request leaves known of its change. The API's error says whether it may have processed it;
        /// an argument refused here was never sent; anything else happened who knows where, so it may have been
        /// applied.
        /// </summary>
        internal static ChangeOutcome OutcomeOf(Exception failure) =>
            failure is EsApiException api ? (api.MayHaveBeenProcessed ? ChangeOutcome.Unknown : ChangeOutcome.Failed)
            : failure is ArgumentException ? ChangeOutcome.Failed
            : ChangeOutcome.Unknown;

        /// <summary>A few words for the ledger: the HTTP status, or that there was no answer.</summary>
        internal static string DetailOf(Exception failure) =>
            failure is EsApiException api
                ? api.StatusCode is System.Net.HttpStatusCode status
                    ? $"HTTP {(int)status}" +
                        $"{(api.Kind == EsFailureKind.BadResponse ? ", unreadable answer" : string.Empty)}"
                    : "no answer"
                : failure.GetType().Name;
    }
}
