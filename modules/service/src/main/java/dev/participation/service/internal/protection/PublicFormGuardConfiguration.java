package dev.participation.service.internal.protection;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Participation public forms: bot protection",
        description = "The rules that keep automated posts out of forms anybody may send without signing in."
                + " Limits are counted per form, in fixed windows shared by every portal node.")
public @interface PublicFormGuardConfiguration {

    @AttributeDefinition(name = "Minimum fill time (seconds)", min = "0", max = "600",
            description = "A post sent sooner after its form was drawn is taken for a program's and refused"
                    + " with a request to check and send again.")
    int minimumFillSeconds() default 3;

    @AttributeDefinition(name = "Form kept open at most (hours)", min = "1", max = "720",
            description = "A form drawn longer ago than this must be sent again, so a copied token stops working.")
    int formOpenHours() default 24;

    @AttributeDefinition(name = "Window length (minutes)", min = "1", max = "1440",
            description = "Posts are counted in fixed windows of this length.")
    int windowMinutes() default 60;

    @AttributeDefinition(name = "Posts per address in a window", min = "0",
            description = "How many posts of one form one network address may send in a window"
                    + " (a household or school may share one address). 0 refuses every post.")
    int postsPerAddress() default 20;

    @AttributeDefinition(name = "Posts in a window overall", min = "0",
            description = "How many posts of one form everyone together may send in a window. 0 refuses every post,"
                    + " which closes public forms during an attack.")
    int postsOverall() default 1000;
}
