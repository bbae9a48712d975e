package dev.participation.portlet.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.portlet.PortletParameters;

/** Portlet parameters as the widget SPI's requests carry them: every name with its values, in order. */
final class ParameterMaps {

    private ParameterMaps() {
    }

    /** A mutable copy, so a portlet can merge render and action parameters and take its own out. */
    static Map<String, List<String>> of(PortletParameters parameters) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : parameters.getNames()) {
            String[] values = parameters.getValues(name);
            List<String> list = new ArrayList<>();
            if (values != null) {
                Arrays.stream(values).filter(Objects::nonNull).forEach(list::add);
            }
            map.put(name, List.copyOf(list));
        }
        return map;
    }
}
