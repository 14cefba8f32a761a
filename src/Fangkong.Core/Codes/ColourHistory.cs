using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Codes;

/// <summary>A person's colour changes as an officer reads them: an unknown person is "not found", not an empty history.</summary>
public sealed class ColourHistory(HealthCodeService codes)
{
    public async Task<IReadOnlyList<ColourChange>> OfPersonAsync(FangkongDb db, long personId, CancellationToken ct)
    {
        if (!await db.Persons.AnyAsync(p => p.Id == personId, ct)) throw new NotFoundException("personId", Messages.Get("People.NoSuchPerson"));
        return await codes.HistoryAsync(db, personId, ct);
    }
}
