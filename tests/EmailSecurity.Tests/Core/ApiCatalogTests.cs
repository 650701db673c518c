using System.Net.Http;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Tests.Core;

/// <summary>
/// The endpoint catalog: an operation is one declaration (name, method, route, request shapes), a request is made
/// from it with the route's values escaped, and an operation the API has taken in two forms is declared with both
/// and can be sent in either.
/// </summary>
public sealed class ApiCatalogTests
{
    private readonly ScriptedNetwork network = new();

    [Fact]
    public async Task An_operation_declared_with_two_shapes_sends_the_first_and_can_be_sent_in_the_second()
    {
        var release = ApiCatalog.Investigate.Release;
        var request = release.Request().WithIds(["m1", "m2"]);
        network.Answer(200, ScriptedNetwork.Envelope("[]"));
        network.Answer(200, ScriptedNetwork.Envelope("[]"));

        await network.Client().SendAsync<List<ReleaseResult>>(request, CancellationToken.None);
        await network.Client()
            .SendAsync<List<ReleaseResult>>(request.InShape(release.Shapes[1]), CancellationToken.None);

        Assert.Equal(2, release.Shapes.Count);
        Assert.Equal(["[\"m1\",\"m2\"]", "{\"ids\":[\"m1\",\"m2\"]}"], network.Bodies);
        Assert.All(network.Requests, r => Assert.Equal(
            "https://api.example.test/client/v4/accounts/acct/email-security/investigate/release",
            r.RequestUri!.AbsoluteUri));
    }

    [Fact]
    public async Task A_new_operation_is_one_declaration_whose_shapes_lay_out_the_same_values_differently()
    {
        var preview = ApiOperation.Post("example.preview.create", "/example/{group_id}/preview",
            RequestShape.IdIn("postfix_id"), RequestShape.IdIn("id"));
        var fields = new Dictionary<string, object?> { ["format"] = "png" };
        var request = preview.Request("g/1").WithFields(fields).WithIds(["4Njp3P0STMz2c02Q"]);
        network.Answer(200, ScriptedNetwork.Envelope("{}"));
        network.Answer(200, ScriptedNetwork.Envelope("{}"));

        await network.Client().SendAsync<MessagePreview>(request, CancellationToken.None);
        await network.Client().SendAsync<MessagePreview>(request.InShape(preview.Shapes[1]), CancellationToken.None);

        Assert.Equal(
            ["{\"format\":\"png\",\"postfix_id\":\"4Njp3P0STMz2c02Q\"}", "{\"format\":\"png\",\"id\":\"4Njp3P0STMz2c02Q\"}"],
            network.Bodies);
        Assert.All(network.Requests, r => Assert.Equal(HttpMethod.Post, r.Method));
        Assert.All(network.Requests,
            r => Assert.EndsWith("/email-security/example/g%2F1/preview", r.RequestUri!.AbsoluteUri));
        Assert.Equal("POST /example/g/1/preview", request.ToString());
    }

    [Fact]
    public void A_request_refuses_a_shape_its_operation_does_not_declare()
    {
        var request = ApiCatalog.Investigate.MoveBulk.Request().WithIds(["m1"]);

        var error = Assert.Throws<ArgumentException>(() => request.InShape(RequestShape.IdsAsBody));

        Assert.Contains("investigate.move.bulk is not declared with the shape ids as the body", error.Message);
    }

    [Fact]
    public void Route_values_are_counted_and_named_by_their_placeholder()
    {
        var tooFew = Assert.Throws<ArgumentException>(() => ApiCatalog.Investigate.Move.Request());
        var dots = Assert.Throws<ArgumentException>(() => ApiCatalog.CollectionOf<AllowPolicy>().Edit!.Request(".."));

        Assert.Contains("takes 1 route value(s) (/investigate/{investigate_id}/move), not 0", tooFew.Message);
        Assert.StartsWith("The policy id '..' cannot be sent", dots.Message);
    }

    [Fact]
    public void A_collection_declared_on_its_model_gives_the_operations_its_verbs_name()
    {
        var domains = ApiCatalog.CollectionOf<EmailDomain>();
        var allow = ApiCatalog.CollectionOf<AllowPolicy>();
        var jobs = ApiCatalog.CollectionOf<BulkAction>();

        Assert.Equal(
            [("settings.domains.list", "GET"), ("settings.domains.get", "GET"), ("settings.domains.create", "POST"), (
                "settings.domains.edit", "PATCH"),
             ("settings.domains.update", "PUT"), ("settings.domains.delete", "DELETE")],
            domains.Operations.Select(o => (o.Name, o.Method.Method)));
        Assert.Equal(
            [("investigate.bulk.list", "/investigate/bulk"), ("investigate.bulk.get", "/investigate/bulk/{job_id}"), (
                "investigate.bulk.create", "/investigate/bulk"),
             ("investigate.bulk.delete", "/investigate/bulk/{job_id}")],
            jobs.Operations.Select(o => (o.Name, o.Route)));
        Assert.Null(jobs.Edit);
        Assert.Equal(
            [("GET", "/settings/allow_policies"), ("GET", "/settings/allow_policies/{policy_id}"), ("POST",
                "/settings/allow_policies"),
             ("PATCH", "/settings/allow_policies/{policy_id}"), ("DELETE", "/settings/allow_policies/{policy_id}"),
             ("POST", "/settings/allow_policies/batch")],
            allow.Operations.Select(o => (o.Method.Method, o.Route)));
        Assert.Equal(PagingStyle.PageNumber, allow.List.Request().Paging);
        Assert.Null(allow.Get.Request("x").Paging);
    }

    [Fact]
    public void The_catalog_lists_every_operation_once_named_as_the_SDK_names_it()
    {
        var names = ApiCatalog.All.Select(o => o.Name).ToList();

        Assert.Equal(names.Distinct(), names);
        Assert.All(names, n => Assert.Matches(@"^[a-z]+(\.[a-z][A-Za-z]*)+$", n));
        Assert.Contains("investigate.release.bulk", names);
        Assert.Contains("settings.impersonationRegistry.edit", names);
        Assert.Equal("settings.impersonationRegistry", ApiOperation.NameOf("/settings/impersonation_registry"));
    }
}
