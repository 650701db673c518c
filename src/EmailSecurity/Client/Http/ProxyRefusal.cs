using System;
using System.Net;
using System.Net.Http;

namespace EmailSecurity.Client.Http
{
    /// <summary>
    /// Recognises a proxy that refused to open an HTTPS tunnel for want of credentials (407 to CONNECT). The HTTP
    /// stack reports it as a transport failure, but retrying cannot help and "no answer" would send the admin to
    /// the wrong place.
    /// </summary>
    internal static class ProxyRefusal
    {
        public static bool AsksForCredentials(Exception error)
        {
            for (var current = error; current != null; current = current.InnerException)
            {
                // .NET 5 and later put the proxy's status on HttpRequestException.StatusCode, a property that
                // netstandard2.0 does not declare; .NET Framework (Windows PowerShell 5.1) puts it on a WebException.
                var status = current is HttpRequestException
                    ? current.GetType().GetProperty("StatusCode")?.GetValue(current) as HttpStatusCode?
                    : ((current as WebException)?.Response as HttpWebResponse)?.StatusCode;
                if (status == HttpStatusCode.ProxyAuthenticationRequired)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
