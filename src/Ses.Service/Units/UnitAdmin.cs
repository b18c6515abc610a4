using Microsoft.EntityFrameworkCore;
using Ses.Documents.Validation;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;

namespace Ses.Service.Units;

/// <summary>
/// The units of the administrator's own bureau, for the API and the pages alike: list, create, rename, disable. A
/// refused request changes nothing.
/// </summary>
public sealed class UnitAdmin(SesDbContext db, TimeProvider time)
{
    public const int NameLength = 64;

    public async Task<List<Unit>> ListAsync(string bureau, CancellationToken ct) =>
        (await db.Units.AsNoTracking().Where(u => u.Bureau == bureau).ToListAsync(ct))
            .OrderBy(u => u.Kind == UnitKind.Department ? 0 : 1)
            .ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// A department (<paramref name="submitsTo"/> empty) or a supervision office submitting to an active department of
    /// the same bureau.
    /// </summary>
    public async Task<(Unit? Unit, Refusal? Refused)> CreateAsync(string? name, string? kind, Guid? submitsTo, string bureau,
        string actor, string source, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (NameProblem(name) is { } bad) problems.Add(bad);
        if (kind is null || !UnitKind.All.Contains(kind))
        {
            problems.Add(new("kind", ErrorCodes.UnitKind, "「单位类型」应为局机关部门或监管局"));
        }
        else if (kind == UnitKind.Department && submitsTo is not null)
        {
            problems.Add(new("submitsToUnitId", ErrorCodes.UnitSubmitsTo, "局机关部门不向其他单位报送，「报送部门」应留空"));
        }
        else if (kind == UnitKind.Office && submitsTo is null)
        {
            problems.Add(new("submitsToUnitId", ErrorCodes.FieldRequired, "监管局须选择「报送部门」：本局的一个局机关部门"));
        }
        else if (kind == UnitKind.Office
            && !await db.Units.AnyAsync(u => u.Id == submitsTo && u.Bureau == bureau && u.Kind == UnitKind.Department && u.Active, ct))
        {
            problems.Add(new("submitsToUnitId", ErrorCodes.UnitSubmitsTo, "「报送部门」应为本局在用的局机关部门"));
        }
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var trimmed = name!.Trim();
        if (await db.Units.AnyAsync(u => u.Bureau == bureau && u.Name == trimmed, ct)) return (null, Exists(trimmed));
        var now = time.GetUtcNow();
        var unit = new Unit
        {
            Id = Guid.CreateVersion7(now), Bureau = bureau, Name = trimmed, Kind = kind!, SubmitsToUnitId = submitsTo, CreatedAt = now,
        };
        db.Units.Add(unit);
        db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "unit.created", unit.Name, source));
        return await SaveAsync(unit, trimmed, ct);
    }

    public async Task<(Unit? Unit, Refusal? Refused)> RenameAsync(Guid id, string? name, string bureau, string actor, string source,
        CancellationToken ct)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id && u.Bureau == bureau, ct);
        if (unit is null) return (null, Refusal.NotFound);
        if (NameProblem(name) is { } bad) return (null, Refusal.Invalid([bad]));
        var trimmed = name!.Trim();
        if (trimmed == unit.Name) return (unit, null);
        if (await db.Units.AnyAsync(u => u.Bureau == bureau && u.Name == trimmed, ct)) return (null, Exists(trimmed));
        db.AuditEntries.Add(EvidenceEntries.Audit(time.GetUtcNow(), actor, "unit.renamed", $"{unit.Name} → {trimmed}", source));
        unit.Name = trimmed;
        return await SaveAsync(unit, trimmed, ct);
    }

    /// <summary>
    /// A disabled unit can no longer be chosen for staff or as an office's department; its staff keep it. A department
    /// that active offices still submit to stays until they are disabled.
    /// </summary>
    public async Task<(Unit? Unit, Refusal? Refused)> DisableAsync(Guid id, string bureau, string actor, string source, CancellationToken ct)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id && u.Bureau == bureau, ct);
        if (unit is null) return (null, Refusal.NotFound);
        if (!unit.Active) return (unit, null);
        if (await db.Units.AnyAsync(u => u.SubmitsToUnitId == id && u.Active, ct))
        {
            return (null, Refusal.Conflict(ErrorCodes.UnitInUse, "仍有在用的监管局向该部门报送，请先停用这些监管局"));
        }
        unit.Active = false;
        db.AuditEntries.Add(EvidenceEntries.Audit(time.GetUtcNow(), actor, "unit.disabled", unit.Name, source));
        await db.SaveChangesAsync(ct);
        return (unit, null);
    }

    private async Task<(Unit? Unit, Refusal? Refused)> SaveAsync(Unit unit, string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return (unit, null);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return (null, Exists(name));
        }
    }

    private static Refusal Exists(string name) => Refusal.Conflict(ErrorCodes.UnitExists, $"本局已有名为「{name}」的单位");

    private static Problem? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameLength)
        {
            return new("name", ErrorCodes.UnitName, $"「单位名称」必须填写，且不超过 {NameLength} 字");
        }
        return TextRules.Problem("name", "单位名称", name, lineBreaks: false);
    }
}
