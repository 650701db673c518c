using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Reads the parameters a caller bound and marked with <see cref="ApiFieldAttribute"/> or
    /// <see cref="ApiQueryAttribute"/> into a request body or query. Only bound parameters are taken, which is what
    /// gives PATCH its meaning: a field the caller did not name is not sent. A switch filters only when present. A
    /// marked property that is no parameter is a value the cmdlet works out itself (a file read into base64): it is
    /// sent whenever it has one. Values of a ValidateSet are sent in the set's own spelling whatever case the caller
    /// typed.
    /// </summary>
    internal static class BoundApiValues
    {
        public static Dictionary<string, object?> Body(PSCmdlet cmdlet, bool includeUnboundSwitches = false)
        {
            var body = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (property, name) in Marked<ApiFieldAttribute>(cmdlet.GetType(), a => a.Name))
            {
                var given = IsGiven(cmdlet, property)
                    || (includeUnboundSwitches && property.PropertyType == typeof(SwitchParameter));
                if (given && ToJsonValue(property, property.GetValue(cmdlet)) is var value
                    && (value != null || IsParameter(property)))
                {
                    body[name] = value;
                }
            }

            return body;
        }

        public static ApiRequest AddQuery(PSCmdlet cmdlet, ApiRequest request)
        {
            foreach (var (name, value) in Query(cmdlet))
            {
                switch (value)
                {
                    case string[] many:
                        request = request.WithQueryValues(name, many);
                        break;
                    case bool flag:
                        request = request.WithQuery(name, flag);
                        break;
                    case DateTimeOffset time:
                        request = request.WithQuery(name, time);
                        break;
                    default:
                        request = request.WithQuery(name,
                            Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }
            }

            return request;
        }

        /// <summary>
        /// The filters the caller gave (parameters marked <see cref="ApiQueryAttribute"/>), by the API's names, as
        /// they are sent: text in its set's spelling, a switch only when present, a time as an instant.
        /// </summary>
        public static IEnumerable<(string Name, object Value)> Query(PSCmdlet cmdlet)
        {
            foreach (var (property, name) in Marked<ApiQueryAttribute>(cmdlet.GetType(), a => a.Name))
            {
                var value = property.GetValue(cmdlet);
                if (!IsGiven(cmdlet, property) || value is SwitchParameter { IsPresent: false }
                    || ToJsonValue(property, value) is not object sent)
                {
                    continue;
                }

                yield return (name, sent);
            }
        }

        /// <summary>
        /// The value of a string parameter in the spelling of its ValidateSet (the API's), whatever case the caller
        /// typed: for parameters a cmdlet sends itself rather than through <see cref="Body"/>.
        /// </summary>
        public static string InSetSpelling(PSCmdlet cmdlet, string propertyName)
        {
            var property = cmdlet.GetType().GetProperty(propertyName)
                ?? throw new ArgumentException($"No property {propertyName}.", nameof(propertyName));
            return Canonical((string)property.GetValue(cmdlet),
                property.GetCustomAttribute<ValidateSetAttribute>()?.ValidValues);
        }

        /// <summary>
        /// The names of the parameters that map to body fields, for messages such as "nothing to change".
        /// </summary>
        public static IEnumerable<string> FieldParameterNames(Type cmdletType) =>
            Marked<ApiFieldAttribute>(cmdletType, a => a.Name).Where(p => IsParameter(p.Property))
                .Select(p => "-" + p.Property.Name);

        /// <summary>
        /// A parameter the caller bound, or a value the cmdlet works out itself (a marked property that is no
        /// parameter).
        /// </summary>
        private static bool IsGiven(PSCmdlet cmdlet, PropertyInfo property) =>
            IsParameter(property) ? cmdlet.MyInvocation.BoundParameters.ContainsKey(property.Name) : true;

        private static bool IsParameter(PropertyInfo property) => property.IsDefined(typeof(ParameterAttribute), true);

        private static object? ToJsonValue(PropertyInfo property, object? value)
        {
            var validSet = property.GetCustomAttribute<ValidateSetAttribute>()?.ValidValues;
            switch (value)
            {
                case null:
                    return null;
                case SwitchParameter flag:
                    return flag.IsPresent;
                case string text:
                    return Canonical(text, validSet);
                case string[] texts:
                    return texts.Select(t => Canonical(t, validSet)).ToArray();
                case DateTime time:
                    return DateRange.Instant(time);
                default:
                    return value;
            }
        }

        private static string Canonical(string text, IList<string>? validSet) =>
            validSet?.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase)) ?? text;

        /// <summary>The marked properties of a cmdlet type, found by reflection once per type and attribute.</summary>
        private static IReadOnlyList<(PropertyInfo Property, string Name)> Marked<TAttribute>(
            Type type,
            Func<TAttribute, string> name)
            where TAttribute : Attribute =>
            MarkedCache.GetOrAdd((type, typeof(TAttribute)),
                _ => type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Select(p => (Property: p, Attribute: p.GetCustomAttribute<TAttribute>()))
                .Where(p => p.Attribute != null)
                .Select(p => (p.Property, name(p.Attribute!)))
                .ToList());

        private static readonly ConcurrentDictionary<(Type, Type), IReadOnlyList<(PropertyInfo, string)>> MarkedCache =
            new ConcurrentDictionary<(Type, Type), IReadOnlyList<(PropertyInfo, string)>>();
    }
}
