import JieyouDomain

/// Form building blocks: every field shows its label, its value, and its own error next to it.
struct FormFields {
    let errors: [FieldError]
    /// Prefixes element ids (not names), for a second form on a page that has fields of the same name:
    /// a list's filters above its entry form.
    let idPrefix: String

    init(errors: [FieldError] = [], idPrefix: String = "") {
        self.errors = errors
        self.idPrefix = idPrefix
    }

    func error(for field: String) -> HTML {
        let messages = errors.filter { $0.field == field }.map(\.message)
        guard !messages.isEmpty else { return .empty }
        return "<p class=\"field-error\" id=\"\(idPrefix)\(field)-error\">\(messages.joined(separator: "；"))</p>"
    }

    private func invalid(_ field: String) -> HTML {
        errors.contains { $0.field == field }
            ? " aria-invalid=\"true\" aria-describedby=\"\(idPrefix)\(field)-error\"" : .empty
    }

    /// The list of every problem, at the top of the form.
    var summary: HTML {
        guard !errors.isEmpty else { return .empty }
        let items = errors.map { HTML("<li>\($0.message)</li>") }
        return "<div class=\"error-summary\" role=\"alert\"><p>请修改以下内容：</p><ul>\(items)</ul></div>"
    }

    func text(
        _ field: String, _ label: String, value: String?, type: String = "text", required: Bool = false,
        hint: String? = nil, autocomplete: String? = nil, placeholder: String? = nil, extra: HTML = .empty
    ) -> HTML {
        """
        <div class="field"><label for="\(idPrefix)\(field)">\(label)\(required ? HTML("<span class=\"req\">*</span>") : .empty)</label>
        <input id="\(idPrefix)\(field)" name="\(field)" type="\(type)" value="\(value ?? "")"\(required ? HTML(" required") : .empty)\(autocomplete.map { HTML(" autocomplete=\"\($0)\"") })\(placeholder.map { HTML(" placeholder=\"\($0)\"") })\(extra)\(invalid(field))>
        \(hint.map { HTML("<p class=\"hint\">\($0)</p>") })\(error(for: field))</div>
        """
    }

    func select(
        _ field: String, _ label: String, options: [(value: String, label: String)], selected: String?,
        required: Bool = false, blank: String? = "请选择"
    ) -> HTML {
        let opts = options.map { option -> HTML in
            "<option value=\"\(option.value)\"\(option.value == selected ? HTML(" selected") : .empty)>\(option.label)</option>"
        }
        return """
            <div class="field"><label for="\(idPrefix)\(field)">\(label)\(required ? HTML("<span class=\"req\">*</span>") : .empty)</label>
            <select id="\(idPrefix)\(field)" name="\(field)"\(invalid(field))>\(blank.map { HTML("<option value=\"\">\($0)</option>") })\(opts)</select>
            \(error(for: field))</div>
            """
    }

    func checkboxes(_ field: String, _ label: String, options: [(value: String, label: String)], selected: Set<String>)
        -> HTML
    {
        let boxes = options.map { option -> HTML in
            """
            <label class="check"><input type="checkbox" name="\(field)[]" value="\(option.value)"\(selected.contains(option.value) ? HTML(" checked") : .empty)> \(option.label)</label>
            """
        }
        return """
            <fieldset class="field"\(invalid(field))><legend>\(label)</legend><div class="checks">\(boxes)</div>\(error(for: field))</fieldset>
            """
    }

    func checkbox(_ field: String, _ label: String, checked: Bool) -> HTML {
        """
        <div class="field"><label class="check"><input type="checkbox" name="\(field)" value="true"\(checked ? HTML(" checked") : .empty)> \(label)</label>\(error(for: field))</div>
        """
    }

    /// A box for one or more files, sent as `files[]`. `accept` narrows the picker (`image/*` opens
    /// the phone's camera and gallery); the server checks every file's content regardless.
    func files(_ label: String, accept: String, hint: String) -> HTML {
        """
        <div class="field"><label for="\(idPrefix)files">\(label)</label>
        <input id="\(idPrefix)files" name="files[]" type="file" multiple accept="\(accept)"\(invalid("file"))>
        <p class="hint">\(hint)</p>\(error(for: "file"))</div>
        """
    }

    static func csrf(_ signedIn: SignedIn) -> HTML {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(signedIn.csrfToken)\">"
    }
}
