using K8Shop.Contracts.Notifications;

namespace K8Shop.UnitTests.Notifications;

public sealed class ContactRulesTests
{
    [Theory]
    [InlineData("ana@example.test", true)]
    [InlineData("a.b+c@mail.example.org", true)]
    [InlineData("ana", false)]
    [InlineData("ana@localhost", false)]
    [InlineData("a@b@c.test", false)]
    [InlineData("ana @example.test", false)]
    [InlineData("Ana <ana@example.test>", false)]
    public void IsEmail(string email, bool valid) => Assert.Equal(valid, ContactRules.IsEmail(email));

    [Theory]
    [InlineData("+34612345678", true)]
    [InlineData("34612345678", false)]
    [InlineData("+34 612 345 678", false)]
    [InlineData("+1234567", false)]
    public void IsPhone(string phone, bool valid) => Assert.Equal(valid, ContactRules.IsPhone(phone));

    [Fact]
    public void Check_NamesEachBadField()
    {
        Assert.Equal(["email", "phone"], ContactRules.Check("nope", "123").Keys.Order());
        Assert.Empty(ContactRules.Check(null, null));
    }
}
