package dev.participation.rest.internal.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.widget.Choice;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.PreferenceType;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetType;

/**
 * The built-in {@code /api/widget-types} resource: every installed widget type with its preference
 * declarations, texts already translated, so another tool (a Liferay configuration page, a
 * council's own CMS) can draw an editor form without loading the widget.
 *
 * <p>It is registered under its own class rather than as a {@code JsonResource} because its OpenAPI
 * description is part of the base document and its name is reserved by the API.
 */
@Component(service = WidgetTypesResource.class)
public final class WidgetTypesResource {

    static final String NAME = "widget-types";

    /** The list answer; an object rather than a bare array so fields can be added later. */
    public record WidgetTypeList(List<WidgetTypeJson> items) {
    }

    public record WidgetTypeJson(String key, String name, String description, String category,
            List<PreferenceJson> preferences) {
    }

    /**
     * One preference. Fields that do not apply to the type are left out rather than sent as 0 or
     * empty, so a form builder never shows a meaningless limit.
     */
    public record PreferenceJson(String key, String label, String hint, PreferenceType type,
            @JsonProperty("default") String defaultValue, boolean required, List<ChoiceJson> choices, Integer min,
            Integer max, Integer maxLength) {
    }

    public record ChoiceJson(String value, String label) {
    }

    private final Logger logger;
    private final RankedServices<Widget> widgets;

    @Activate
    public WidgetTypesResource(@Reference(service = LoggerFactory.class) Logger logger) {
        this.logger = logger;
        this.widgets = new RankedServices<>("widget type", w -> w.type().key(), logger);
    }

    // Widgets come and go with their bundles; greedy so a newly installed one shows at once.
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindWidget(Widget widget, Map<String, Object> properties) {
        widgets.add(widget, properties);
    }

    void unbindWidget(Widget widget) {
        widgets.remove(widget);
    }

    /** {@code []} lists every type, {@code [key]} answers one; anything else is not found. */
    Object get(JsonRequest request) {
        List<String> segments = request.segments();
        if (segments.isEmpty()) {
            List<WidgetTypeJson> items = new ArrayList<>();
            for (Widget widget : widgets.all().values()) {
                try {
                    items.add(describe(widget, request.locale()));
                } catch (RuntimeException e) {
                    // One widget bundle failing (stopping, say) must not hide every other type.
                    logger.error("Leaving widget {} out of the widget type list", widget, e);
                }
            }
            return new WidgetTypeList(items);
        }
        if (segments.size() == 1) {
            Widget widget = widgets.get(segments.get(0))
                    .orElseThrow(() -> ApiProblem.notFound("There is no widget type with this key."));
            return describe(widget, request.locale());
        }
        throw ApiProblem.notFound("There is nothing below a widget type.");
    }

    private WidgetTypeJson describe(Widget widget, Locale locale) {
        WidgetType type = widget.type();
        Texts texts = new Texts(messages(widget, locale));
        return new WidgetTypeJson(type.key(), texts.get(type.nameKey()), texts.get(type.descriptionKey()),
                type.category(), type.preferences().stream().map(p -> describe(widget, p, texts)).toList());
    }

    // This answer describes the settings form, so it lists the options a widget takes from data,
    // as the form does when it is drawn.
    private static PreferenceJson describe(Widget widget, PreferenceDefinition p, Texts texts) {
        boolean integer = p.type() == PreferenceType.INTEGER;
        boolean text = p.type() == PreferenceType.TEXT || p.type() == PreferenceType.MULTILINE_TEXT;
        List<ChoiceJson> choices = p.type() == PreferenceType.CHOICE
                ? widget.choices(p).stream().map(c -> describe(c, texts)).toList()
                : null;
        return new PreferenceJson(p.key(), texts.get(p.labelKey()), p.hintKey() == null ? null : texts.get(p.hintKey()),
                p.type(), p.defaultValue(), p.required(), choices, integer ? p.min() : null, integer ? p.max() : null,
                text && p.maxLength() > 0 ? p.maxLength() : null);
    }

    private static ChoiceJson describe(Choice c, Texts texts) {
        return new ChoiceJson(c.value(), c.labelIsKey() ? texts.get(c.label()) : c.label());
    }

    private ResourceBundle messages(Widget widget, Locale locale) {
        try {
            return widget.messages(locale);
        } catch (RuntimeException e) {
            // Untranslated keys are still a usable answer; a missing bundle is the widget's bug.
            logger.warn("Widget type {} has no messages for {}; answering with message keys",
                    widget.type().key(), locale, e);
            return null;
        }
    }

    /** Message lookup that falls back to the key, so a missing translation never fails a request. */
    private record Texts(ResourceBundle bundle) {
        String get(String key) {
            if (bundle == null) {
                return key;
            }
            try {
                return bundle.getString(key);
            } catch (MissingResourceException | ClassCastException e) {
                return key;
            }
        }
    }
}
