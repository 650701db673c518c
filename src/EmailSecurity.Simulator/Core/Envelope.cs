using System.Text.Json.Nodes;

namespace EmailSecurity.Simulator.Core
{
    /// <summary>
    /// The Cloudflare v4 envelope: success, errors, messages, result and, on paged lists, result_info.
    /// </summary>
    internal static class Envelope
    {
        public static SimulatedResponse Ok(JsonNode? result, JsonObject? resultInfo = null, string? pageCursor = null)
        {
            var body = new JsonObject
            {
                ["success"] = true,
                ["errors"] = new JsonArray(),
                ["messages"] = new JsonArray(),
                ["result"] = result,
            };
            if (resultInfo != null)
            {
                body["result_info"] = resultInfo;
            }
            return new SimulatedResponse(200, Json.Serialize(body), pageCursor: pageCursor);
        }

        public static SimulatedResponse Error(int statusCode, int code, string message) =>
            new SimulatedResponse(statusCode, ErrorBody(code, message));

        /// <summary>An error envelope body: success false, result null, one error.</summary>
        public static string ErrorBody(int code, string message)
        {
            var body = new JsonObject
            {
                ["success"] = false,
                ["errors"] = new JsonArray { new JsonObject { ["code"] = code, ["message"] = message } },
                ["messages"] = new JsonArray(),
                ["result"] = null,
            };
            return Json.Serialize(body);
        }
    }
}
