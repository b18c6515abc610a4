using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Ses.Documents;
using Ses.Documents.Validation;

namespace Ses.Service.Http;

/// <summary>
/// Every JSON body, once it is bound and before a handler sees it: a member the request record declares non-nullable
/// that is missing or null (<c>formId: null</c>, <c>contacts: [null]</c>) is <c>field.required</c>; every string — in
/// records and in free JSON such as a draft's field values — is held to the rules the renderer applies later
/// (<see cref="EntryChecks.Text"/>: no control, bidi or zero-width character, no lone surrogate or bad encoding, a
/// character the fonts draw). So no handler stores what a document could not print.
/// </summary>
public static class RequestChecks
{
    private static readonly ConcurrentDictionary<PropertyInfo, NullabilityInfo> Nullability = new();

    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
        var parameters = context.MethodInfo.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i))
            .Where(x => IsBody(x.Parameter, services))
            .ToArray();
        if (parameters.Length == 0) return next;
        return async invocation =>
        {
            var engine = invocation.HttpContext.RequestServices.GetRequiredService<DocumentEngine>();
            var problems = new List<Problem>();
            foreach (var (_, index) in parameters) Value(engine, invocation.Arguments[index], "", problems);
            return problems.Count > 0 ? ApiProblems.Invalid(problems) : await next(invocation);
        };
    }

    /// <summary>A parameter bound from the JSON body: free JSON, or a request record of this service that is not a service.</summary>
    private static bool IsBody(ParameterInfo parameter, IServiceProviderIsService services)
    {
        var type = parameter.ParameterType;
        if (type == typeof(JsonElement)) return true;
        if (parameter.GetCustomAttributes().Any(a => a is FromBodyAttribute)) return true;
        if (parameter.GetCustomAttributes().Any(a => a is AsParametersAttribute or FromServicesAttribute)) return false;
        return type.Assembly == typeof(RequestChecks).Assembly && type.IsClass && !services.IsService(type);
    }

    private static void Value(DocumentEngine engine, object? value, string path, List<Problem> problems)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (EntryChecks.Text(engine, path, path, text) is not null) problems.Add(Text(engine, path, text));
                return;
            case JsonElement json:
                Json(engine, json, path, problems);
                return;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items) Value(engine, item, $"{path}[{i++}]", problems);
                return;
        }
        var type = value.GetType();
        if (type.Assembly != typeof(RequestChecks).Assembly) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0) continue;
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var at = path.Length == 0 ? name : $"{path}.{name}";
            var member = property.GetValue(value);
            var nullability = Nullability.GetOrAdd(property, p => new NullabilityInfoContext().Create(p));
            if (member is null)
            {
                if (nullability.ReadState == NullabilityState.NotNull && !property.PropertyType.IsValueType) problems.Add(Required(engine, at));
                continue;
            }
            // Secrets and file contents are not text a document prints.
            if (NotPrinted(property.Name)) continue;
            if (member is IEnumerable items and not string && (nullability.ElementType ?? nullability.GenericTypeArguments.FirstOrDefault()) is { } element)
            {
                var i = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{at}[{i++}]";
                    if (item is null && element.ReadState == NullabilityState.NotNull) problems.Add(Required(engine, itemPath));
                    else Value(engine, item, itemPath, problems);
                }
                continue;
            }
            Value(engine, member, at, problems);
        }
    }

    private static bool NotPrinted(string property) =>
        property.Contains("Password", StringComparison.OrdinalIgnoreCase) || property.EndsWith("Base64", StringComparison.Ordinal);

    private static void Json(DocumentEngine engine, JsonElement json, string path, List<Problem> problems)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                if (!EntryChecks.TryGetText(json, out var text)) problems.Add(EntryChecks.Encoding(path, FieldLabels.Of(engine, path)));
                else if (EntryChecks.Text(engine, path, path, text) is not null) problems.Add(Text(engine, path, text));
                return;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in json.EnumerateArray()) Json(engine, item, $"{path}[{i++}]", problems);
                return;
            case JsonValueKind.Object:
                foreach (var property in json.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        problems.Add(EntryChecks.Encoding(path, FieldLabels.Of(engine, path)));
                        continue;
                    }
                    var at = path.Length == 0 ? name : $"{path}.{name}";
                    if (TextRules.Check(name) is not null) problems.Add(EntryChecks.Encoding(at, FieldLabels.Of(engine, path)));
                    else Json(engine, property.Value, at, problems);
                }
                return;
        }
    }

    // The check runs on every string of every body; the field's Chinese name is looked up only for one that fails it.
    private static Problem Text(DocumentEngine engine, string path, string text) => EntryChecks.Text(engine, path, FieldLabels.Of(engine, path), text)!;

    private static Problem Required(DocumentEngine engine, string field) =>
        new(field, ErrorCodes.FieldRequired, $"「{FieldLabels.Of(engine, field)}」必须填写");
}
