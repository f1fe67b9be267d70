extension Array {
    /// Slices of at most `size` elements: multi-row statements stay under the databases' bind limits.
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }

    /// The element at `index`, or nil past the end: forms send parallel arrays of uneven length.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
