-- Bot protection for public forms: posts counted in fixed windows, shared by every portal node.
-- One row per form, counter and window. Counters: 'all' (every post that passed the cheap checks),
-- 'address:<keyed hash>' (never the address itself: it is personal data), and 'refused:<rule>'
-- (how many posts each rule turned away, so staff can see an attack).
CREATE TABLE public_form_window (
    form_key VARCHAR(100) NOT NULL,
    counter VARCHAR(80) NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end TIMESTAMP WITH TIME ZONE NOT NULL,
    posts INT NOT NULL,
    PRIMARY KEY (form_key, counter, window_start)
);
-- The retention rule erases windows long over.
CREATE INDEX public_form_window_by_end ON public_form_window (window_end);
