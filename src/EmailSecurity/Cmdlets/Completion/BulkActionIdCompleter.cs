using System.Linq;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Completion
{
    /// <summary>Completes the ids of bulk action jobs, newest first, shown by status, action and comment.</summary>
    public sealed class BulkActionIdCompleter : ApiIdCompleter
    {
        private static readonly ApiCollection Jobs = ApiCatalog.CollectionOf<BulkAction>();

        private static readonly IdSource Source = new IdSource(Jobs.List.Request(), item =>
            MessageIdCompleter.Text(item, "job_id") is string id
                ? new IdChoice(id, string.Join(" ", Jobs.DescribedBy.Select(name => MessageIdCompleter.Text(item, name))
                    .Where(t => !string.IsNullOrEmpty(t))))
                : null);

        internal override IdSource? SourceFor(string commandName) => Source;
    }
}
