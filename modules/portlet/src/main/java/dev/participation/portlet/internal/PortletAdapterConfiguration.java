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
            description = "Names of portal regular roles whose members are participation staff: they see "
                    + "sign-ups, feedback and impact, and add evidence. Separate several with commas. Site and "
                    + "organization roles cannot be used: the portal answers only for regular roles.")
    String[] staffRoles() default {"Participation Staff"};

    @AttributeDefinition(name = "Editor roles",
            description = "Names of portal regular roles whose members may write and publish content and "
                    + "configure placed widgets (configuring also needs the portlet's Configuration "
                    + "permission). Separate several with commas. Regular roles only.")
    String[] editorRoles() default {"Participation Editor"};

    @AttributeDefinition(name = "Administrator roles",
            description = "Names of portal regular roles whose members can do everything staff and editors "
                    + "can. Separate several with commas. Regular roles only.")
    String[] adminRoles() default {"Administrator"};
}
