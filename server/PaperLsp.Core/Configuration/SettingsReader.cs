using System.Globalization;
using System.Text.Json;
using PaperLsp.Core.Diagnostics;

namespace PaperLsp.Core.Configuration;

/// <summary>
/// Reads settings from JSON: the editor's <c>paperDigest</c> section (nested objects, or dotted keys as
/// some clients send them) and <c>.paperlsp.json</c> (the same keys). A value of the wrong type or out of
/// range is skipped with a warning; it never fails the whole read.
/// </summary>
public static class SettingsReader
{
    /// <summary>Reads the settings named in <paramref name="json"/> over <paramref name="basis"/>.</summary>
    public static Settings Apply(Settings basis, JsonElement json, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(warnings);
        if (json.ValueKind != JsonValueKind.Object) return basis;
        if (json.TryGetProperty("paperDigest", out var section) && section.ValueKind == JsonValueKind.Object) json = section;
        var flat = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        Flatten(json, "", flat);
        var s = basis;
        foreach (var (key, value) in flat)
        {
            switch (key)
            {
                case "logLevel": s = String(value, key, warnings) is { } level ? s with { LogLevel = level } : s; break;
                case "diagnostics.severity": s = s with { Severity = Severities(value, key, warnings, basis.Severity) }; break;
                case "duplicates.otherFileSeverity": s = s with { OtherFileSeverity = Severities(value, key, warnings, basis.OtherFileSeverity) }; break;
                case "duplicates.nearThreshold":
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double t) && t is >= 0.5 and <= 1.0) s = s with { NearThreshold = t };
                    else warnings.Add($"{key}: expected a number from 0.5 to 1.0");
                    break;
                case "workspace.include": s = Strings(value, key, warnings) is { } inc ? s with { Include = inc } : s; break;
                case "workspace.exclude": s = Strings(value, key, warnings) is { } exc ? s with { Exclude = exc } : s; break;
                case "workspace.maxFileSizeMB":
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double mb) && mb > 0) s = s with { MaxFileSizeMB = mb };
                    else warnings.Add($"{key}: expected a positive number");
                    break;
                case "workspace.diagnostics":
                    s = String(value, key, warnings) switch
                    {
                        "openFiles" => s with { WorkspaceDiagnostics = DiagnosticsScope.OpenFiles },
                        "workspace" => s with { WorkspaceDiagnostics = DiagnosticsScope.Workspace },
                        var other => Warn(s, warnings, $"{key}: expected \"openFiles\" or \"workspace\", not {other}"),
                    };
                    break;
                case "hover.sections": s = Sections(value, key, warnings) is { } h ? s with { Hover = h } : s; break;
                default:
                    // Client-only settings (server.path, trace.server) are the extension's business.
                    if (!key.StartsWith("server.", StringComparison.Ordinal) && !key.StartsWith("trace.", StringComparison.Ordinal))
                        warnings.Add($"{key}: unknown setting");
                    break;
            }
        }
        return s;
    }

    /// <summary>Nested objects become dotted keys, except the two maps keyed by diagnostic code.</summary>
    private static void Flatten(JsonElement obj, string prefix, Dictionary<string, JsonElement> into)
    {
        foreach (var p in obj.EnumerateObject())
        {
            string key = prefix + p.Name;
            if (p.Value.ValueKind == JsonValueKind.Object && key is not ("diagnostics.severity" or "duplicates.otherFileSeverity"))
                Flatten(p.Value, key + ".", into);
            else into[key] = p.Value;
        }
    }

    private static Settings Warn(Settings s, ICollection<string> warnings, string message)
    {
        warnings.Add(message);
        return s;
    }

    private static string? String(JsonElement value, string key, ICollection<string> warnings)
    {
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        warnings.Add($"{key}: expected a string");
        return null;
    }

    private static List<string>? Strings(JsonElement value, string key, ICollection<string> warnings)
    {
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            warnings.Add($"{key}: expected an array of strings");
            return null;
        }
        return value.EnumerateArray().Select(v => v.GetString()!).Where(g => g.Length > 0).ToList();
    }

    private static Dictionary<string, ProblemSeverity?> Severities(JsonElement value, string key, ICollection<string> warnings, IReadOnlyDictionary<string, ProblemSeverity?> basis)
    {
        var result = new Dictionary<string, ProblemSeverity?>(basis, StringComparer.Ordinal);
        if (value.ValueKind != JsonValueKind.Object)
        {
            warnings.Add($"{key}: expected an object of code → severity");
            return result;
        }
        foreach (var p in value.EnumerateObject())
        {
            string code = p.Name.ToUpperInvariant();
            if (!DiagnosticCodes.All.Any(r => r.Code == code))
            {
                warnings.Add($"{key}.{p.Name}: unknown diagnostic code");
                continue;
            }
            switch (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()!.ToLowerInvariant() : null)
            {
                case "error": result[code] = ProblemSeverity.Error; break;
                case "warning": result[code] = ProblemSeverity.Warning; break;
                case "information" or "info": result[code] = ProblemSeverity.Information; break;
                case "hint": result[code] = ProblemSeverity.Hint; break;
                case "off" or "none": result[code] = null; break;
                default: warnings.Add($"{key}.{p.Name}: expected error, warning, information, hint or off"); break;
            }
        }
        return result;
    }

    private static HoverSections? Sections(JsonElement value, string key, ICollection<string> warnings)
    {
        if (Strings(value, key, warnings) is not { } names) return null;
        var result = HoverSections.None;
        foreach (string name in names)
        {
            if (Enum.TryParse<HoverSections>(name, ignoreCase: true, out var part) && part != HoverSections.All) result |= part;
            else warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{key}: unknown section {name}"));
        }
        return result;
    }
}
