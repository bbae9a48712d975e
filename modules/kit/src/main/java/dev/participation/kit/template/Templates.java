package dev.participation.kit.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.participation.kit.i18n.Messages;
import dev.participation.kit.text.PlainText;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

/**
 * One bundle's templates. Build one per bundle at activation and share it: it caches parsed
 * templates and is safe for concurrent use.
 *
 * <p>Each template's model also holds {@code msg} (a method: {@code msg("key", args...)}),
 * {@code paragraphs} (plain text to safe paragraphs and links) and {@code locale}. Records and
 * classes given to a template must be public for their accessors to be readable.
 */
public final class Templates {

    private static final String KIT_TEMPLATES = "/dev/participation/kit/templates";

    private final Configuration configuration;

    private Templates(Configuration configuration) {
        this.configuration = configuration;
    }

    /**
     * @param anchor   a class of the bundle whose templates these are (its class loader finds them)
     * @param basePath folder of the templates inside that bundle, e.g. {@code /templates/pledge}
     */
    public static Templates of(Class<?> anchor, String basePath) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader own = new ClassTemplateLoader(anchor.getClassLoader(), basePath);
        TemplateLoader kit = new ClassTemplateLoader(Templates.class.getClassLoader(), KIT_TEMPLATES);
        cfg.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {own, kit}));
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocalizedLookup(false);
        // Templates ship inside bundles and never change while one runs: parse each once, and
        // never ask the bundle again whether it changed.
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        // The macro libraries below are run only by templates that use them, not by every render.
        cfg.setLazyAutoImports(true);
        // Records' accessors (title(), items()) read as title and items in templates.
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setExposeFields(false);
        cfg.setObjectWrapper(wrapper.build());
        // A template error must surface as an exception for the host to turn into an error
        // page, never as half a page with a stack trace in it.
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.addAutoImport("kit", "kit/govuk.ftlh");
        // Staff-page pieces (date input, move buttons, the basis field) every widget's staff pages share.
        cfg.addAutoImport("staff", "kit/staff.ftlh");
        return new Templates(cfg);
    }

    /**
     * Renders a template to a string.
     *
     * @param name     template path below the base path, e.g. {@code full.ftlh}
     * @param model    the data the template shows
     * @param messages the request's text
     */
    public String render(String name, Map<String, ?> model, Messages messages) {
        return render(name, Map.of(), model, messages);
    }

    /**
     * Renders a template whose data is a typed view model (a public record, as a display context
     * in Liferay): the template reads its accessors as top-level names ({@code ${title}} for
     * {@code title()}), next to the page-wide values in {@code shared}, which win on a clash.
     *
     * @param view   a public record or class; its accessors are what the template shows
     * @param shared values every template of a kind needs (the CSRF field, the form's errors)
     * @since 1.1
     */
    public String render(String name, Object view, Map<String, ?> shared, Messages messages) {
        Map<String, Object> data = new HashMap<>(shared);
        data.put("msg", (freemarker.template.TemplateMethodModelEx) arguments -> message(messages, arguments));
        data.put("paragraphs", (freemarker.template.TemplateMethodModelEx) arguments -> paragraphs(arguments));
        data.put("locale", messages.locale().toLanguageTag());
        try {
            Template template = configuration.getTemplate(name, messages.locale());
            Text out = new Text();
            template.process(root(view, data), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + name, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Template " + name + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }

    /**
     * What a template writes, kept as text. Not a {@link java.io.StringWriter}: its buffer takes a
     * lock for every piece, and on Java 17 copies a string written to it one character at a time,
     * which for a widget's HTML placed whole in a page ({@code ?no_esc}) was a visible part of
     * every page's cost.
     */
    private static final class Text extends Writer {
        private final StringBuilder text = new StringBuilder(4096);

        @Override
        public void write(String s) {
            text.append(s);
        }

        @Override
        public void write(String s, int off, int len) {
            if (off == 0 && len == s.length()) {
                text.append(s);
            } else {
                text.append(s, off, off + len);
            }
        }

        @Override
        public void write(char[] chars, int off, int len) {
            text.append(chars, off, len);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        // Nothing is held back or opened: the text is read once, when the template has finished.
        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** The shared values first, then the view model's accessors. */
    private TemplateHashModel root(Object view, Map<String, Object> data) throws TemplateModelException {
        ObjectWrapper wrapper = configuration.getObjectWrapper();
        TemplateHashModel own = (TemplateHashModel) wrapper.wrap(data);
        if (!(wrapper.wrap(view) instanceof TemplateHashModel model)) {
            throw new IllegalArgumentException("A view model has named values: " + view.getClass());
        }
        return new TemplateHashModel() {
            @Override
            public TemplateModel get(String key) throws TemplateModelException {
                TemplateModel value = own.get(key);
                return value != null ? value : model.get(key);
            }

            @Override
            public boolean isEmpty() {
                return false;
            }
        };
    }

    private static Object message(Messages messages, List<?> arguments) throws TemplateModelException {
        if (arguments.isEmpty()) {
            throw new TemplateModelException("msg needs a key");
        }
        String key = arguments.get(0).toString();
        Object[] rest = new Object[arguments.size() - 1];
        for (int i = 1; i < arguments.size(); i++) {
            rest[i - 1] = unwrap(arguments.get(i));
        }
        return messages.get(key, rest);
    }

    private static Object paragraphs(List<?> arguments) throws TemplateModelException {
        if (arguments.size() != 1) {
            throw new TemplateModelException("paragraphs takes one text");
        }
        Object text = unwrap(arguments.get(0));
        return HTMLOutputFormat.INSTANCE.fromMarkup(PlainText.toHtml(text == null ? "" : text.toString()));
    }

    private static Object unwrap(Object model) throws TemplateModelException {
        if (model instanceof freemarker.template.TemplateNumberModel n) {
            return n.getAsNumber();
        }
        if (model instanceof freemarker.template.TemplateScalarModel s) {
            return s.getAsString();
        }
        if (model instanceof freemarker.template.TemplateBooleanModel b) {
            return b.getAsBoolean();
        }
        if (model instanceof freemarker.template.TemplateDateModel d) {
            return d.getAsDate();
        }
        return model == null ? null : model.toString();
    }
}
