extension Validator {
    /// An optional day as forms and queries send it (`2024-09-04`): nil when empty, nil and an error
    /// naming the field when it is not a date.
    public mutating func optionalDay(_ text: String?, field: String, label: String) -> LocalDate? {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let day = LocalDate(iso: trimmed) else {
            fail(field, "\(label)格式应为 2024-09-04")
            return nil
        }
        return day
    }

    /// The day something already happened (a visit, a meeting): empty means today; a future day or
    /// one older than `maxAgeDays` is an error (`oldest` words the limit, e.g. "一年前").
    public mutating func pastDay(
        _ text: String?, field: String, label: String, today: LocalDate, maxAgeDays: Int, oldest: String
    ) -> LocalDate {
        guard let day = optionalDay(text, field: field, label: label) else { return today }
        if day > today { fail(field, "\(label)不能晚于今天") }
        if day < today.adding(days: -maxAgeDays) { fail(field, "\(label)不能早于\(oldest)") }
        return day
    }
}
