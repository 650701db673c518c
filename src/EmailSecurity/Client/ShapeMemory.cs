using System.Collections.Concurrent;

namespace EmailSecurity.Client
{
    /// <summary>
    /// The request shape each operation was seen to be taken in on one connection (see <see cref="RequestShape"/>).
    /// Shared by every runspace that uses the connection; a shape is only remembered after the API took it.
    /// </summary>
    internal sealed class ShapeMemory
    {
        private readonly ConcurrentDictionary<string, RequestShape> taken =
            new ConcurrentDictionary<string, RequestShape>();

        /// <summary>
        /// The shape the API took for <paramref name="operation"/>, or null when none was learned yet.
        /// </summary>
        public RequestShape? Of(ApiOperation operation) =>
            taken.TryGetValue(operation.Name, out var shape) ? shape : null;

        public void Remember(ApiOperation operation, RequestShape shape) => taken[operation.Name] = shape;
    }
}
