import HeapModule

/// The `k` smallest elements, in ascending order: a bounded max-heap, O(n log k) rather than a sort of all n
/// (a crash can put hundreds of thousands of accounts under a threshold, and only the first few are used).
struct Smallest<Element: Comparable> {
    let limit: Int
    private var heap = Heap<Element>()

    init(_ limit: Int) { self.limit = limit }

    mutating func insert(_ element: Element) {
        guard limit > 0 else { return }
        if heap.count < limit {
            heap.insert(element)
        } else if let worst = heap.max, element < worst {
            heap.replaceMax(with: element)
        }
    }

    var sorted: [Element] { heap.unordered.sorted() }
}
