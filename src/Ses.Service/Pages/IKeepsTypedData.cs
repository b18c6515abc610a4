namespace Ses.Service.Pages;

/// <summary>
/// A page whose forms are shown again, with what was typed, when their anti-forgery token no longer holds: its GET
/// handler runs instead of the posted one (its bound properties keep the posted values; it may read the posted form
/// when <see cref="StaleForm.Is"/>), so nothing the post asked for is done.
/// </summary>
public interface IKeepsTypedData;
