using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Models;

namespace EmailSecurity.Client
{
    /// <summary>
    /// The preview of any message by its investigate id: the detection preview (<c>GET /investigate/{id}/preview</c>)
    /// and, when the API says that one is not for this message, the preview of a message without a detection
    /// (<c>POST /investigate/preview</c>). The caller need not know which applies.
    /// </summary>
    internal static class MessagePreviews
    {
        /// <summary>
        /// The detection preview, or the other one after a clear refusal of it (400, 404 or 422: nothing was done,
        /// nothing is ambiguous); any other failure is the answer. The older API names the message by its postfix id
        /// there, read from the message's details when the connection's API is seen to need it.
        /// </summary>
        public static async Task<ApiResult<MessagePreview>> OfAsync(
            EsApiClient client,
            string id,
            CancellationToken cancellationToken)
        {
            try
            {
                return await client.SendAsync<MessagePreview>(ApiCatalog.Investigate.Preview.Request(id),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (EsApiException refused) when (IsNotForThisMessage(refused))
            {
                client.Observer.Verbose(
                    $"GET /investigate/{id}/preview: the API has no detection preview of this message " +
                    $"({refused.StatusCode:D}); asking for the preview of a message without a detection (POST " +
                    "/investigate/preview).");
            }

            var operation = ApiCatalog.Investigate.PreviewWithoutDetection;
            string? postfixId = null;
            if (client.Connection.Shapes.Of(operation)?.ByPostfixId == true)
            {
                postfixId = await PostfixIdOfAsync(client, id, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await client.SendAsync<MessagePreview>(RequestFor(id, postfixId), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (EsApiException refused) when (postfixId == null && EsApiClient.IsShapeRefusal(refused))
            {
                // The API may be the older one, which takes a postfix id: one read of the message tells it.
                postfixId = await PostfixIdOfAsync(client, id, cancellationToken).ConfigureAwait(false);
                var byPostfixId = operation.Shapes[1];
                var taken = await client.SendAsync<MessagePreview>(RequestFor(id, postfixId).InShape(byPostfixId),
                    cancellationToken)
                    .ConfigureAwait(false);
                client.Connection.Shapes.Remember(operation, byPostfixId);
                client.Observer.Verbose($"POST /investigate/preview: the API took {byPostfixId}; it is sent so on " +
                    "this connection from now on.");
                return taken;
            }
        }

        private static ApiRequest RequestFor(string id, string? postfixId)
        {
            var request = ApiCatalog.Investigate.PreviewWithoutDetection.Request().WithIds(new[] { id });
            return postfixId == null ? request : request.WithPostfixIds(new[] { postfixId });
        }

        private static bool IsNotForThisMessage(EsApiException error) =>
            error.Kind == EsFailureKind.Rejected &&
            (error.StatusCode == HttpStatusCode.BadRequest || error.StatusCode == HttpStatusCode.NotFound
                || (int?)error.StatusCode == 422);

        private static async Task<string> PostfixIdOfAsync(
            EsApiClient client,
            string id,
            CancellationToken cancellationToken)
        {
            var message = (await client.SendAsync<Message>(ApiCatalog.Investigate.Get.Request(id), cancellationToken)
                .ConfigureAwait(false)).Result;
            return message?.PostfixId ?? throw new EsApiException(
                $"The API's details of message {id} carry no postfix id, which the older preview request needs. [GET " +
                $"/investigate/{id}]",
                "GET", new System.Uri(client.Connection.BaseUri, "investigate/" + id), HttpStatusCode.OK,
                System.Array.Empty<ApiMessage>(), null, EsFailureKind.BadResponse);
        }
    }
}
