using System;
using System.Collections.Generic;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// The outcome of every target one run of a change cmdlet handled, in order (see EsChangeException.Outcomes).
    /// </summary>
    internal sealed class ChangeLedger
    {
        private readonly List<ChangeTargetOutcome> entries = new List<ChangeTargetOutcome>();
        private readonly HashSet<string> recorded = new HashSet<string>(StringComparer.Ordinal);

        public IReadOnlyList<ChangeTargetOutcome> Entries => entries;

        public void Record(string target, ChangeOutcome outcome, string? detail = null)
        {
            entries.Add(new ChangeTargetOutcome(target, outcome, detail));
            recorded.Add(target);
        }

        /// <summary>
        /// Targets the command held but never sent because it stopped; those already recorded are left as they are.
        /// </summary>
        public void RecordNotSent(IEnumerable<string> targets)
        {
            foreach (var target in targets)
            {
                if (recorded.Add(target))
                {
                    entries.Add(new ChangeTargetOutcome(target, ChangeOutcome.NotSent,
                        "the command stopped before sending it"));
                }
            }
        }
    }
}
