package dev.participation.portlet.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * System settings of the Liferay adapter (PID {@code dev.participation.portlet}). Liferay shows
 * Metatype definitions under Control Panel, System Settings.
 */
@ObjectClassDefinition(
        name = "Participation widgets in Liferay",
        description = "How the participation widgets appear in the portal's widget menu and which portal "
                + "roles count as participation staff, editors and administrators.")
@interface PortletAdapterConfiguration {

    @AttributeDefinition(name = "Display category",
            description = "The widget menu category the participation widgets are listed under. "
                    + "A language key such as category.participation, or plain text.")
    String displayCategory() default "category.participation";

    @AttributeDefinition(name = "Staff roles",
            description = "Portal role names whose members are participation staff: they see sign-ups, "
                    + "feedback and impact. Separate several with commas.")
    String[] staffRoles() default {"Participation Staff"};

    @AttributeDefinition(name = "Editor roles",
            description = "Portal role names whose members may configure placed widgets and publish "
                    + "content. Separate several with commas.")
    String[] editorRoles() default {"Participation Editor", "Site Administrator"};

    @AttributeDefinition(name = "Administrator roles",
            description = "Portal role names whose members can do everything staff and editors can. "
                    + "Separate several with commas.")
    String[] adminRoles() default {"Administrator"};
}
