/// One figure in a row of cards (`.cards`): a label, the value large, and an optional note under it
/// (the sample behind a rate, the part of a whole).
enum StatCard {
    static func render(_ label: String, _ value: String, note: String? = nil, testID: String) -> HTML {
        """
        <div class="stat" data-testid="\(testID)"><span class="stat-label">\(label)</span><b>\(value)</b>\(note.map { HTML("<small>\($0)</small>") })</div>
        """
    }
}
