/// One figure in a row of cards (`.cards`): a label, the value large, and an optional note under it
/// (the sample behind a rate, the part of a whole).
enum StatCard {
    /// With `link`, the value opens the list it counts.
    static func render(_ label: String, _ value: String, note: String? = nil, testID: String, link: String? = nil)
        -> HTML
    {
        let shown: HTML = link.map { "<a href=\"\($0)\">\(value)</a>" } ?? "\(value)"
        return """
            <div class="stat" data-testid="\(testID)"><span class="stat-label">\(label)</span><b>\(shown)</b>\(note.map { HTML("<small>\($0)</small>") })</div>
            """
    }
}
