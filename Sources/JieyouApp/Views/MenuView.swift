import JieyouDomain

/// The menu as a page shows it: 首页 and the groups in one row (the current one marked), the current
/// group's entries in a second row, and the role's one-tap action (`Menu.quickAction`).
struct MenuView {
    let actor: Actor
    /// The path of the page shown.
    let currentPath: String

    var html: HTML {
        let groups = Menu.groups(for: actor)
        let current = Menu.group(of: currentPath, in: groups)
        func link(_ title: String, _ path: String, current: Bool, testID: String? = nil) -> HTML {
            let mark: HTML = current ? " aria-current=\"page\"" : .empty
            let id: HTML = testID.map { " data-testid=\"\($0)\"" } ?? .empty
            return "<li><a href=\"\(path)\"\(mark)\(id)>\(title)</a></li>"
        }
        var top = [link("首页", WebPath.home, current: currentPath == WebPath.home)]
        top += groups.map { group in link(group.title, group.items[0].path, current: group == current) }
        let quick = Menu.quickAction(for: actor).map { item -> HTML in
            "<li class=\"quick\"><a class=\"button\" href=\"\(item.path)\" data-testid=\"quick-action\">\(item.title)</a></li>"
        }
        // One entry is current: the one whose path is the longest prefix (报送收件箱 under 通报's /reports).
        let chosen = (current?.items ?? []).filter { Menu.matches(currentPath, $0.path) }
            .max { $0.path.count < $1.path.count }
        let entries = (current?.items ?? []).map { item in link(item.title, item.path, current: item == chosen) }
        return """
            <nav class="menu" aria-label="主菜单"><ul data-testid="menu">\(top)\(quick)</ul>\
            \(current.map { group in HTML("<ul class=\"submenu\" data-testid=\"submenu\" aria-label=\"\(group.title)\">\(entries)</ul>") })</nav>
            """
    }
}
