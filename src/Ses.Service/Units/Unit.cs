namespace Ses.Service.Units;

/// <summary>
/// A unit of one bureau whose staff collect and handle credit cases: a department of the bureau (局机关部门) or a
/// supervision office (监管局) that submits to one of the bureau's departments. Never deleted: a unit no longer used is
/// disabled, so the staff and cases that name it keep their history.
/// </summary>
public sealed class Unit
{
    public Guid Id { get; init; }

    /// <summary>Bureau code (templates/bureaus): the bureau the unit belongs to.</summary>
    public required string Bureau { get; init; }

    /// <summary>Full name, unique in the bureau (e.g. 运输管理处).</summary>
    public required string Name { get; set; }

    /// <summary>One of <see cref="UnitKind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>For a supervision office: the department of the same bureau it submits to; none for a department.</summary>
    public Guid? SubmitsToUnitId { get; init; }

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; }
}
