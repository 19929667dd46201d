namespace K8Shop.Grains.Catalog.Search;

/// <summary>
/// One page of the best items in an order without sorting them all: a bounded heap keeps the best
/// <c>skip + take</c> seen so far, so a page of 20 out of 10,000 matches costs a pass and a few comparisons per item.
/// </summary>
public static class BestOf
{
    public static List<T> Page<T>(IReadOnlyList<T> items, int skip, int take, IComparer<T> order)
    {
        if (take <= 0 || skip >= items.Count)
            return [];
        var keep = (int)Math.Min((long)skip + take, items.Count);
        T[] best;
        if (keep > items.Count / 4)
        {
            best = [.. items];
            Array.Sort(best, order);
        }
        else
        {
            // A max-heap on the order: its root is the worst of the best kept so far, the one a better item replaces.
            var heap = new PriorityQueue<T, T>(keep + 1, Comparer<T>.Create((a, b) => order.Compare(b, a)));
            foreach (var item in items)
            {
                if (heap.Count < keep)
                    heap.Enqueue(item, item);
                else if (order.Compare(item, heap.Peek()) < 0)
                    heap.DequeueEnqueue(item, item);
            }
            best = [.. heap.UnorderedItems.Select(e => e.Element)];
            Array.Sort(best, order);
        }
        return [.. best.Skip(skip).Take(take)];
    }
}
