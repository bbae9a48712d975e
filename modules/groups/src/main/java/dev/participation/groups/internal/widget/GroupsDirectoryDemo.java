package dev.participation.groups.internal.widget;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.participation.api.demo.DemoContent;
import dev.participation.api.page.WidgetInstances;
import dev.participation.api.widget.PreferencesValidation;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The demo's group directory page: the directory with its filters, and the governance map under
 * it, on the widget's own page ({@code /groups} in the embedded portal). The groups themselves are
 * the groups bundle's own demo content ({@code groups.demo}).
 */
@Component(service = DemoContent.class)
public final class GroupsDirectoryDemo implements DemoContent {

    public static final String KEY = "groups.directory.demo";
    /** The page the widgets go on: the directory widget's own page. */
    public static final String PAGE = GroupsWidget.KEY;

    private final WidgetInstances instances;

    @Activate
    public GroupsDirectoryDemo(@Reference WidgetInstances instances) {
        this.instances = instances;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public void install(String actor) {
        place(GroupsWidget.LAYOUT_LIST, actor);
        place(GroupsWidget.LAYOUT_MAP, actor);
    }

    private void place(String layout, String actor) {
        boolean present = instances.onPage(PAGE).stream().anyMatch(i -> GroupsWidget.KEY.equals(i.widgetType())
                && layout.equals(i.preferences().get(GroupsWidget.LAYOUT)));
        if (present) {
            return;
        }
        Map<String, String> prefs = new LinkedHashMap<>();
        GroupsWidget.TYPE.preferences().forEach(p -> prefs.put(p.key(), p.defaultValue()));
        prefs.put(GroupsWidget.LAYOUT, layout);
        PreferencesValidation checked = GroupsWidget.TYPE.validate(prefs);
        if (!checked.valid()) {
            throw new IllegalStateException("demo widget settings are invalid: " + checked.errors());
        }
        instances.place(PAGE, GroupsWidget.KEY, checked.values().asMap(), actor);
    }
}
