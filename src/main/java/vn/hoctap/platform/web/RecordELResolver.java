package vn.hoctap.platform.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Lets pages read Java records as properties — {@code #{lesson.title}} for {@code lesson.title()} —
 * which Jakarta EL 5 cannot. Besides being easier to read, it is much faster than the method-call
 * syntax: EL looks a called method up by reflection on every evaluation (copying the class's
 * whole method table), while the accessors here are found once per record type. A no-argument
 * public method of a record (e.g. {@code percent()}) reads the same way.
 */
public class RecordELResolver extends ELResolver {

    private static final ClassValue<Map<String, Method>> READERS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> readers = new HashMap<>();
            if (!type.isRecord()) {
                return readers;
            }
            for (Method m : type.getMethods()) {
                if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class
                        && m.getDeclaringClass() != Object.class) {
                    readers.put(m.getName(), m);
                }
            }
            for (RecordComponent c : type.getRecordComponents()) {
                Method accessor = c.getAccessor();
                if (accessor.trySetAccessible()) {
                    readers.put(c.getName(), accessor);
                }
            }
            return readers;
        }
    };

    private static Method reader(Object base, Object property) {
        if (base == null || !(property instanceof String name) || !base.getClass().isRecord()) {
            return null;
        }
        return READERS.get(base.getClass()).get(name);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        Method m = reader(base, property);
        if (m == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        try {
            return m.invoke(base);
        } catch (IllegalAccessException e) {
            throw new ELException(e);
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause());
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        Method m = reader(base, property);
        if (m != null) {
            context.setPropertyResolved(base, property);
        }
        return null; // read-only
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (reader(base, property) != null) {
            throw new PropertyNotWritableException("records are read-only: " + property);
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (reader(base, property) != null) {
            context.setPropertyResolved(base, property);
            return true;
        }
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base != null && base.getClass().isRecord() ? String.class : null;
    }
}
