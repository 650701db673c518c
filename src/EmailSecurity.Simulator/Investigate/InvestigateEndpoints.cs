using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Core;

namespace EmailSecurity.Simulator.Investigate
{
    /// <summary>The read side of /investigate: search, details, detections, preview, raw, trace.</summary>
    internal static class InvestigateEndpoints
    {
        public static void Register(Router router)
        {
            router.Add("GET", "investigate", Search);
            router.Add("GET", "investigate/{}", Get);
            router.Add("GET", "investigate/{}/detections", c => Envelope.Ok(DetailJson.Detections(Message(c))));
            router.Add("GET", "investigate/{}/preview", c => Preview(Message(c)));
            router.Add("POST", "investigate/preview", PreviewById);
            router.Add("GET", "investigate/{}/raw",
                c => Envelope.Ok(new JsonObject { ["raw"] = EmlBuilder.Build(Message(c)) }));
            router.Add("GET", "investigate/{}/trace", c => Envelope.Ok(DetailJson.Trace(Message(c))));
            MessageActions.Register(router);
            BulkJobs.BulkJobEndpoints.Register(router);
        }

        private static InvestigateMessage Message(RequestContext context) => context.Account.Messages.Get(context.Id);

        private static SimulatedResponse Search(RequestContext context)
        {
            MessageSearch search = MessageSearch.Parse(context.Query, context.Now, context.Version);
            return Paging.ByCursor(search.Apply(context.Account.Messages.NewestFirst), context.Query,
                m => MessageJson.Write(m, context.Version));
        }

        /// <summary>
        /// submission=true asks for the submissions datastore; every demo message lives in both, so it only has to be a
        /// valid bool.
        /// </summary>
        private static SimulatedResponse Get(RequestContext context)
        {
            context.Query.GetBool("submission");
            return Envelope.Ok(MessageJson.Write(Message(context), context.Version));
        }

        /// <summary>
        /// The seed names the message by its postfix id, 2026-10 by its investigate id; each refuses the other's field.
        /// </summary>
        private static SimulatedResponse PreviewById(RequestContext context)
        {
            JsonObject body = JsonBody.ParseObject(context.Body);
            if (context.Is2026)
            {
                JsonBody.RejectUnknown(body, "postfix_id");
                return Preview(context.Account.Messages.Get(JsonBody.RequireString(body, "id")));
            }
            JsonBody.RejectUnknown(body, "id");
            return Preview(context.Account.Messages.GetByPostfixId(JsonBody.RequireString(body, "postfix_id")));
        }

        /// <summary>Rendering a preview is itself a post-delivery operation the API records.</summary>
        private static SimulatedResponse Preview(InvestigateMessage message)
        {
            message.AddOperation("PREVIEW");
            return Envelope.Ok(new JsonObject { ["screenshot"] = PngScreenshot.Base64(message) });
        }
    }
}
