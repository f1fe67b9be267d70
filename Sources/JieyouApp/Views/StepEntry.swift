import JieyouDomain

/// A form shown under a record for who may act on it: what was typed, the errors it got, and the
/// session's CSRF field. A page holds `nil` when the reader may not act.
struct StepEntry<Form> {
    let form: Form
    let errors: [FieldError]
    let csrf: HTML
}
