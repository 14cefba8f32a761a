using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Domain.People;
using Fangkong.Domain.Text;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Fangkong.Core.Tests.People;

public sealed class RareNameStoreTestsSqlite() : RareNameStoreTests(StorageProvider.Sqlite);
public sealed class RareNameStoreTestsPostgres() : RareNameStoreTests(StorageProvider.Postgres);

/// <summary>
/// Names with rare characters (生僻字) from CJK Extensions B to G, stored and searched on both stores: a surname
/// prefix finds them, and the stores' name order is the order names are sorted in memory (<see cref="CodePointOrder"/>).
/// </summary>
public abstract class RareNameStoreTests(StorageProvider provider)
{
    // 𠀀 U+20000 (B), 𪜀 U+2A700 (C), 𫝀 U+2B740 (D), 𫠠 U+2B820 and 𬌗 U+2C317 (E), 𬺰 U+2CEB0 (F), 𰀀 U+30000 (G);
    // 﨑 U+FA11 and （ U+FF08 lie above the surrogates in UTF-16, below all of them as code points; 弡 U+5F21 follows 张.
    private static readonly string[] Names =
        ["张三", "张𬌗", "张𬌗明", "张﨑", "张（甲）", "张𠀀", "张𰀀", "𠀀明", "𪜀红", "𫝀华", "𫠠军", "𬺰丽", "𰀀芳", "弡", "欧阳𫝀"];

    private static async Task<TestStore> SeedAsync(StorageProvider provider)
    {
        var store = await TestStore.CreateAsync(provider);
        await using var db = store.NewDb();
        for (var i = 0; i < Names.Length; i++)
        {
            db.Persons.Add(new Person
            {
                Id = i + 1,
                DocumentType = DocumentType.Passport,
                DocumentNumber = $"E{i:D8}",
                Name = Names[i],
                Token = $"token-{i}",
                CreatedAtUtc = new DateTime(2026, 11, 20, 1, 0, 0, DateTimeKind.Utc),
            });
        }
        await db.SaveChangesAsync();
        return store;
    }

    private static async Task<string[]> FindAsync(FangkongDb db, string q)
    {
        var ids = await PersonSearch.Apply(db.Persons, q).Select(p => p.Id).ToListAsync();
        return [.. ids.Select(id => Names[id - 1]).Order(CodePointOrder.Instance)];
    }

    [Fact]
    public async Task A_surname_or_name_prefix_finds_names_with_rare_characters()
    {
        await using var store = await SeedAsync(provider);
        await using var db = store.NewDb();

        Assert.Equal(["张三", "张﨑", "张（甲）", "张𠀀", "张𬌗", "张𬌗明", "张𰀀"], await FindAsync(db, "张"));
        Assert.Equal(["张𬌗", "张𬌗明"], await FindAsync(db, "张𬌗"));
        Assert.Equal(["张𬌗明"], await FindAsync(db, "张𬌗明"));
        foreach (var surname in new[] { "𠀀", "𪜀", "𫝀", "𫠠", "𬺰", "𰀀" })
            Assert.Equal([Names.Single(n => n.StartsWith(surname, StringComparison.Ordinal))], await FindAsync(db, surname));
        Assert.Equal(["欧阳𫝀"], await FindAsync(db, "欧阳"));

        // The directory the search page uses: found and masked by character.
        var page = await new PersonDirectory().SearchAsync(db, "张𬌗", 1, 20, default);
        Assert.Equal(["张*", "张*明"], page.Items.Select(p => p.Name).Order(CodePointOrder.Instance));
    }

    [Fact]
    public async Task The_stores_name_order_is_code_point_order()
    {
        await using var store = await SeedAsync(provider);
        await using var db = store.NewDb();
        var fromStore = await db.Persons.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync();
        Assert.Equal(Names.Order(CodePointOrder.Instance), fromStore);
    }

    [Fact]
    public async Task A_name_of_64_rare_characters_registers_and_65_is_refused_by_field()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        var registry = new PersonRegistry(new TimeOrderedIds(time), new CityClock(time));
        // 64 characters are 128 UTF-16 code units; the column holds 64 characters on PostgreSQL (varchar counts code points).
        var name = "张" + string.Concat(Enumerable.Repeat("𬌗", 63));
        await using (var db = store.NewDb())
        {
            var person = await registry.RegisterAsync(db, new PersonInput(DocumentType.Passport, "E12345678", name, null, null, Sex.Female, null), default);
            Assert.Equal(name, (await store.NewDb().Persons.SingleAsync(p => p.Id == person.Id)).Name);
        }
        await using (var db = store.NewDb())
        {
            var tooLong = await Assert.ThrowsAsync<InputException>(() =>
                registry.RegisterAsync(db, new PersonInput(DocumentType.Passport, "E12345679", name + "𬌗", null, null, Sex.Female, null), default));
            Assert.Equal("name", tooLong.Field);
        }
    }
}
