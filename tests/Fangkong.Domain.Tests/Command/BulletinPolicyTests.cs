using Fangkong.Domain.Command;

namespace Fangkong.Domain.Tests.Command;

public class BulletinPolicyTests
{
    [Fact]
    public void Places_follow_their_codes_when_the_office_lists_none()
    {
        var p = new BulletinPolicy();
        Assert.True(p.Order("2201") < p.Order("2202"));
        Assert.True(p.Order("2224") < p.Order("not-a-code"));
    }

    [Fact]
    public void The_office_order_comes_first_and_the_rest_follow_by_code()
    {
        var p = new BulletinPolicy { PlaceOrder = ["2202", "2224"] };
        string[] places = ["2201", "2224", "2203", "2202"];
        Assert.Equal(["2202", "2224", "2201", "2203"], places.OrderBy(p.Order));
    }
}
