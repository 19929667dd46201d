namespace K8Shop.SearchBench;

/// <summary>A generated book, in the catalog seed's JSON shape.</summary>
public sealed record GeneratedBook(
    string Sku, string Title, string Author, string Isbn, string Description, decimal Price, string[] Tags, int Stock, int PublishedYear);

/// <summary>
/// A bookstore's worth of varied, deterministic books: titles from a few hundred words in a dozen patterns, authors from
/// first and last names (some prolific, most with a book or two), two or three sentences of description, tags from a
/// fixed list, valid ISBN-13s. The same seed gives the same books, so the queries can be drawn from them too.
/// </summary>
public static class BookGenerator
{
    public static readonly string[] Adjectives =
    [
        "silent", "hidden", "broken", "golden", "ancient", "modern", "practical", "complete", "essential", "forgotten", "secret",
        "little", "great", "last", "first", "dark", "bright", "wild", "quiet", "restless", "invisible", "distant", "burning",
        "frozen", "gentle", "savage", "elegant", "pragmatic", "effective", "concise", "definitive", "curious", "lonely", "endless",
        "fragile", "hungry", "crimson", "emerald", "scarlet", "hollow", "radiant", "wandering", "sleeping", "lost", "final",
        "strange", "beautiful", "dangerous", "reluctant", "accidental", "unfinished", "impossible", "remarkable", "simple", "deep",
    ];

    public static readonly string[] Nouns =
    [
        "river", "garden", "mountain", "city", "kingdom", "ocean", "forest", "house", "library", "machine", "empire", "island",
        "winter", "summer", "shadow", "mirror", "harbor", "lighthouse", "cathedral", "village", "journey", "voyage", "war", "peace",
        "algorithm", "compiler", "database", "network", "system", "pattern", "architecture", "design", "program", "programmer",
        "engineer", "detective", "doctor", "soldier", "gardener", "painter", "astronomer", "cartographer", "stranger", "daughter",
        "son", "mother", "father", "queen", "king", "thief", "witch", "dragon", "storm", "fire", "stone", "star", "moon", "sun",
        "bridge", "road", "door", "window", "letter", "song", "dream", "memory", "secret", "promise", "question", "answer",
        "kitchen", "recipe", "bread", "wine", "coffee", "tea", "clock", "map", "compass", "engine", "circuit", "signal", "code",
        "theory", "history", "science", "economy", "market", "money", "habit", "mind", "brain", "body", "heart", "soul",
    ];

    public static readonly string[] Subjects =
    [
        "Distributed Systems", "Machine Learning", "Functional Programming", "Software Architecture", "Data Engineering",
        "Cloud Computing", "Cryptography", "Compilers", "Operating Systems", "Web Development", "Game Design", "Statistics",
        "Linear Algebra", "Quantum Physics", "Organic Chemistry", "Evolution", "Neuroscience", "Astronomy", "Climate",
        "World History", "Ancient Rome", "Medieval Europe", "Modern China", "Philosophy", "Economics", "Psychology",
        "Leadership", "Negotiation", "Personal Finance", "Cooking", "Baking", "Gardening", "Photography", "Drawing",
        "Music Theory", "Poetry", "Chess", "Mountaineering", "Sailing", "Running",
    ];

    public static readonly string[] Tags =
    [
        "fiction", "classics", "fantasy", "science-fiction", "mystery", "thriller", "romance", "horror", "poetry", "history",
        "biography", "science", "mathematics", "philosophy", "psychology", "economics", "business", "self-help", "cooking",
        "travel", "art", "music", "photography", "programming", "software-engineering", "architecture", "data", "security",
        "cloud", "machine-learning", "children", "young-adult", "graphic-novel", "nature", "sports", "health", "religion",
        "politics", "education", "best-seller",
    ];

    public static readonly string[] FirstNames =
    [
        "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth", "David", "Barbara",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa",
        "Anthony", "Betty", "Mark", "Margaret", "Donald", "Sandra", "Steven", "Ashley", "Paul", "Kimberly", "Andrew", "Emily",
        "Joshua", "Donna", "Kenneth", "Michelle", "Kevin", "Carol", "Brian", "Amanda", "George", "Melissa", "Edward", "Deborah",
        "Amara", "Kenji", "Ingrid", "Mateo", "Priya", "Olusegun", "Sofia", "Haruki", "Leila", "Dmitri", "Chiara", "Tomasz",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
        "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
        "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
        "Mitchell", "Carter", "Roberts", "Okafor", "Tanaka", "Lindqvist", "Moreau", "Castellano", "Novak", "Kowalski",
        "Petrov", "Haddad", "Banerjee", "Oyelaran", "Fujimoto", "Johansson", "Ferreira", "Abernathy", "Whitcombe", "Ravensworth",
        "Blackwood", "Thornfield", "Ashdown", "Pemberton", "Featherstone", "Galloway", "Harrowgate", "Kingsley", "Lockhart",
    ];

    private static readonly string[] Sentences =
    [
        "A {adj} story about a {noun} and the {noun2} that changed everything.",
        "{author} returns with a {adj} account of {subject}.",
        "An {adj2} guide to {subject} for readers who want to understand the {noun}.",
        "Set in a {adj} {noun}, this novel follows a {noun2} through one long {season}.",
        "Part memoir, part history, it explores the {noun} behind {subject}.",
        "Praised as {adj} and {adj2}, it has become a favourite of book clubs.",
        "With clear examples and {adj} exercises, it teaches {subject} step by step.",
        "The {noun} was never meant to be found; now a {noun2} must decide what to do with it.",
        "Includes a new introduction and notes on the {adj} {noun}.",
        "Winner of several prizes, this {adj} book asks what a {noun} owes to a {noun2}.",
    ];

    private static readonly string[] Seasons = ["winter", "summer", "autumn", "spring", "night", "year"];

    public static IEnumerable<GeneratedBook> Generate(int count, int seed)
    {
        var random = new Random(seed);
        // Prolific authors write many books, most write one or two: draw from a pool, skewed to its front.
        var authors = Enumerable.Range(0, Math.Max(50, count / 4))
            .Select(_ => $"{Pick(random, FirstNames)} {Pick(random, LastNames)}").ToArray();
        for (var i = 0; i < count; i++)
        {
            var author = authors[(int)(authors.Length * Math.Pow(random.NextDouble(), 2.5))];
            var title = Title(random);
            var description = string.Join(' ', Enumerable.Range(0, random.Next(2, 4)).Select(_ => Sentence(random, author)));
            var tags = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, Tags)).Distinct().ToArray();
            var price = Math.Round((decimal)(4 + random.NextDouble() * random.NextDouble() * 90), 2);
            yield return new GeneratedBook(
                $"GEN-{i:D6}", title, author, Isbn13(random), description, price, tags,
                random.Next(10) == 0 ? 0 : random.Next(1, 200), random.Next(1900, 2026));
        }
    }

    private static string Title(Random r) => r.Next(12) switch
    {
        0 => $"The {Cap(Pick(r, Adjectives))} {Cap(Pick(r, Nouns))}",
        1 => $"{Cap(Pick(r, Nouns))} of {Cap(Pick(r, Nouns))}s",
        2 => $"{Pick(r, Subjects)}: {Cap(Pick(r, Adjectives))} {Cap(Pick(r, Nouns))}s",
        3 => $"A {Cap(Pick(r, Adjectives))} History of {Pick(r, Subjects)}",
        4 => $"The {Cap(Pick(r, Nouns))} and the {Cap(Pick(r, Nouns))}",
        5 => $"{Cap(Pick(r, Adjectives))} {Pick(r, Subjects)}",
        6 => $"The {Cap(Pick(r, Adjectives))} {Cap(Pick(r, Nouns))}'s {Cap(Pick(r, Nouns))}",
        7 => $"Learning {Pick(r, Subjects)}",
        8 => $"{Cap(Pick(r, Nouns))} in the {Cap(Pick(r, Nouns))}",
        9 => $"The {Cap(Pick(r, Nouns))} {Cap(Pick(r, Nouns))}",
        10 => $"{Pick(r, Subjects)} for the {Cap(Pick(r, Adjectives))} {Cap(Pick(r, Nouns))}",
        _ => $"When the {Cap(Pick(r, Nouns))} Was {Cap(Pick(r, Adjectives))}",
    };

    private static string Sentence(Random r, string author) => Pick(r, Sentences)
        .Replace("{adj2}", Pick(r, Adjectives), StringComparison.Ordinal)
        .Replace("{adj}", Pick(r, Adjectives), StringComparison.Ordinal)
        .Replace("{noun2}", Pick(r, Nouns), StringComparison.Ordinal)
        .Replace("{noun}", Pick(r, Nouns), StringComparison.Ordinal)
        .Replace("{subject}", Pick(r, Subjects).ToLowerInvariant(), StringComparison.Ordinal)
        .Replace("{season}", Pick(r, Seasons), StringComparison.Ordinal)
        .Replace("{author}", author, StringComparison.Ordinal);

    private static string Isbn13(Random r)
    {
        var digits = "978" + string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + r.Next(10))));
        var sum = digits.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return digits + (char)('0' + (10 - sum % 10) % 10);
    }

    public static T Pick<T>(Random r, T[] values) => values[r.Next(values.Length)];

    private static string Cap(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
