using System.Net.Http;

namespace EmailSecurity.Client.Http
{
    /// <summary>What the handler chain needs to know about a request beyond the HTTP message itself.</summary>
    internal sealed class RequestContext
    {
        private const string PropertyName = "EmailSecurity.RequestContext";

        public RequestContext(EsConnection connection, IApiObserver observer, bool isIdempotent)
        {
            Connection = connection;
            Observer = observer;
            IsIdempotent = isIdempotent;
        }

        public EsConnection Connection { get; }

        public IApiObserver Observer { get; }

        public bool IsIdempotent { get; }

        public void AttachTo(HttpRequestMessage request) => request.Properties[PropertyName] = this;

        public static RequestContext? Of(HttpRequestMessage request) =>
            request.Properties.TryGetValue(PropertyName, out var value) ? value as RequestContext : null;
    }
}
