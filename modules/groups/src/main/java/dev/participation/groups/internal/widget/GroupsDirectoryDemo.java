package dev.participation.groups.internal.widget;

import java.util.Map;

import dev.participation.api.demo.DemoContent;
import dev.participation.api.page.WidgetInstances;
import dev.participation.kit.demo.DemoPlacement;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The demo's group directory page: the directory with its filters, and the governance map under
 * it, on the widget's own page ({@code /groups} in the embedded portal). The groups themselves are
 * the groups bundle's own demo content ({@code groups.demo}).
 */
@Component(service = DemoContent.class)
public final class GroupsDirectoryDemo extends DemoPlacement {

    public static final String KEY = "groups.directory.demo";
    /** The page the widgets go on: the directory widget's own page. */
    public static final String PAGE = GroupsWidget.KEY;

    @Activate
    public GroupsDirectoryDemo(@Reference WidgetInstances instances) {
        super(KEY, instances, PAGE);
    }

    @Override
    public void install(String actor) {
        // Each layout once: the directory first, then the map below it.
        for (String layout : new String[] {GroupsWidget.LAYOUT_LIST, GroupsWidget.LAYOUT_MAP}) {
            place(GroupsWidget.TYPE, Map.of(GroupsWidget.LAYOUT, layout), Map.of(), actor);
        }
    }
}
