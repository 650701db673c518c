using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Completion
{
    /// <summary>
    /// Completes ids from the API: one short request (a time limit of two seconds) whose answer is cached for a
    /// minute per account and list, so pressing Tab again is instant and a slow network never freezes the prompt.
    /// Each completion shows what the id stands for (a subject, a pattern) in its list text and tooltip.
    /// </summary>
    public abstract class ApiIdCompleter : IArgumentCompleter
    {
        internal static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);
        private static readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<IdChoice> Choices)>
            Cache = new ConcurrentDictionary<string, (DateTimeOffset, IReadOnlyList<IdChoice>)>();

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            var connection = ConnectionFor(fakeBoundParameters);
            var source = SourceFor(commandName);
            if (connection == null || source == null)
            {
                return Array.Empty<CompletionResult>();
            }

            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Choices(connection, source)
                .Where(c => c.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                    || c.Text.IndexOf(prefix, StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(c => new CompletionResult(Quote(c.Id), Shorten(c.Text, 60), CompletionResultType.ParameterValue,
                    $"{c.Id}: {c.Text}"))
                .ToList();
        }

        /// <summary>The list to complete from for the command being typed, or null when there is none.</summary>
        internal abstract IdSource? SourceFor(string commandName);

        private static IReadOnlyList<IdChoice> Choices(EsConnection connection, IdSource source)
        {
            var key = $"{connection.BaseUri}|{connection.AccountId}|{source.Request.Path.Display}";
            if (Cache.TryGetValue(key, out var cached) && DateTimeOffset.UtcNow - cached.At < CacheLifetime)
            {
                return cached.Choices;
            }

            try
            {
                using (var limit = new CancellationTokenSource(TimeLimit))
                {
                    var client = new EsApiClient(connection, SilentObserver.Instance);
                    // Completion must answer synchronously; the work runs on the pool under a hard time limit.
                    var choices =
                        Task.Run(() => source.Fetch(client, limit.Token), limit.Token).GetAwaiter().GetResult();
                    Cache[key] = (DateTimeOffset.UtcNow, choices);
                    return choices;
                }
            }
            catch (Exception error) when (error is EsApiException || error is OperationCanceledException
                || error is ArgumentException)
            {
                return Array.Empty<IdChoice>();
            }
        }

        private static EsConnection? ConnectionFor(IDictionary fakeBoundParameters)
        {
            var connection = Unwrap(fakeBoundParameters?["Connection"]) as EsConnection ?? EsSession.Current;
            var account = Unwrap(fakeBoundParameters?["AccountId"]) as string;
            return connection != null && !string.IsNullOrEmpty(account) ? connection.ForAccount(account!) : connection;
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string Quote(string id) =>
            id.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', ',', '@', '#' }) >= 0
                ? "'" + id.Replace("'", "''") + "'"
                : id;

        private static string Shorten(string text, int length) =>
            text.Length <= length ? text : text.Substring(0, length - 1) + "…";
    }
}
