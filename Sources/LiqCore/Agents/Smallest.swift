import HeapModule

/// The `k` smallest elements, in ascending order: a bounded max-heap, O(n log k) rather than a sort of all n
/// (a crash can put hundreds of thousands of accounts under a threshold, and only the first few are used).
struct Smallest<Element: Comparable> {
    let limit: Int
    private var heap = Heap<Element>()
    /// Once `limit` elements are kept, the largest of them: an element not below it is turned away with one
    /// comparison (most are, when hundreds of thousands pass through a shortlist of a hundred).
    private(set) var largest: Element?

    init(_ limit: Int) { self.limit = limit }

    /// Whether the element was kept.
    @discardableResult
    mutating func insert(_ element: Element) -> Bool {
        if let largest {
            guard element < largest else { return false }
            heap.replaceMax(with: element)
            self.largest = heap.max
        } else if heap.count < limit {
            heap.insert(element)
            if heap.count == limit { largest = heap.max }
        } else {
            return false
        }
        return true
    }

    var sorted: [Element] { heap.unordered.sorted() }
}
