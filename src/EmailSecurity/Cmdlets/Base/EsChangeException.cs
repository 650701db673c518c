using System;
using System.Collections.Generic;
using System.Linq;
using EmailSecurity.Client;

namespace EmailSecurity
{
    /// <summary>What is known of one target (a message id, a settings entry) of a change.</summary>
    public enum ChangeOutcome
    {
        /// <summary>The API answered that it made the change.</summary>
        Applied,

        /// <summary>
        /// The API answered that it did not make it (refused the request, or reported a failure for this target).
        /// </summary>
        Failed,

        /// <summary>No readable answer: the change may have been applied. Check before doing anything else.</summary>
        Unknown,

        /// <summary>Never sent: the command stopped (-ErrorAction Stop) before it got to this target.</summary>
        NotSent,
    }

    /// <summary>One target of a change and its outcome.</summary>
    public sealed class ChangeTargetOutcome
    {
        internal ChangeTargetOutcome(string target, ChangeOutcome outcome, string? detail)
        {
            Target = target;
            Outcome = outcome;
            Detail = detail;
        }

        /// <summary>
        /// The message id or entry id; for a creation, the entry it would create (its pattern, its address).
        /// </summary>
        public string Target { get; }

        public ChangeOutcome Outcome { get; }

        /// <summary>Why, in a few words (the API's status, "no answer", ...); null when applied.</summary>
        public string? Detail { get; }

        public override string ToString() =>
            Detail == null ? $"{Target}: {Outcome}" : $"{Target}: {Outcome} ({Detail})";
    }

    /// <summary>
    /// The error a change cmdlet (move, release, reclassify, create, edit, delete) writes for one target. Besides that
    /// target's outcome it carries what is known of every target of the same command, so a runbook that stops at the
    /// first error (-ErrorAction Stop) still learns which changes were applied, which may have been and which were
    /// never sent: <c>catch { $_.Exception.Outcomes }</c>.
    /// </summary>
    public sealed class EsChangeException : Exception
    {
        private readonly IReadOnlyList<ChangeTargetOutcome> outcomes;

        internal EsChangeException(
            string message,
            string action,
            string target,
            ChangeOutcome outcome,
            string checkCommand,
            IReadOnlyList<ChangeTargetOutcome> outcomes,
            Exception? inner)
            : base(message, inner)
        {
            Action = action;
            Target = target;
            Outcome = outcome;
            CheckCommand = checkCommand;
            this.outcomes = outcomes;
        }

        /// <summary>The change, as -WhatIf names it, e.g. "Move to JunkEmail".</summary>
        public string Action { get; }

        /// <summary>The target this error is about (also the error record's TargetObject).</summary>
        public string Target { get; }

        public ChangeOutcome Outcome { get; }

        /// <summary>The Get- cmdlet that shows whether a change to such a target was applied.</summary>
        public string CheckCommand { get; }

        /// <summary>
        /// Every target of the command, in the order it handled them, with its outcome as the command left it: read
        /// after the command has ended or stopped, it is complete, including the targets of the same bulk request and
        /// those never sent.
        /// </summary>
        public IReadOnlyList<ChangeTargetOutcome> Outcomes => outcomes;

        /// <summary>
        /// The API's error behind this one, when there is one (its status, error codes and cf-ray id).
        /// </summary>
        public EsApiException? ApiError => InnerException as EsApiException;

        /// <summary>The targets with this outcome, e.g. <c>$_.Exception.TargetsWith('Unknown')</c>.</summary>
        public string[] TargetsWith(ChangeOutcome outcome) =>
            outcomes.Where(o => o.Outcome == outcome).Select(o => o.Target).ToArray();
    }
}
