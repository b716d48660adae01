package dev.gememu.server;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper.Builder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.gememu.api.WireEnum;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The one place Jackson is configured: Google's field spellings in, Google's byte layout out. */
public final class JsonMapper {
  private JsonMapper() {}

  /**
   * The mapper of every server in this JVM. Jackson builds a type's reader or writer once per mapper
   * (introspecting the wire records, most of a cold start's first call), so servers share it.
   */
  public static ObjectMapper shared() {
    return Shared.MAPPER;
  }

  private static final class Shared {
    static final ObjectMapper MAPPER = create();
  }

  /** A mapper that reads camelCase or snake_case names and rejects unknown fields. */
  public static ObjectMapper create() {
    Builder builder = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .annotationIntrospector(new SnakeCaseAliases())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // Google's parser is lenient where its own code execution page relies on it: the page's curl
        // sends "contents": {"parts": {"text": …}} (one value for a repeated field) and a trailing comma.
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        // Google takes enum names in any case: its own docs once sent response_modalities=['Text', 'Image'].
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
    builder.addHandler(new UnknownFields.Handler());
    builder.addModule(new SimpleModule("proto-json")
        .addDeserializer(Integer.class, ProtoIntegerDeserializer.int32())
        .addDeserializer(Integer.TYPE, ProtoIntegerDeserializer.int32())
        .addDeserializer(Long.class, ProtoIntegerDeserializer.int64())
        .addSerializer(WireEnum.class, new WireEnumSerializer()));
    // A null inside a repeated field is an invalid value for Google, not an element.
    builder.defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    ObjectMapper mapper = builder.build();
    // Proto JSON has no string coercion: {"role": 0.5} or {"name": true} is an invalid value for Google.
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.getFactory().setCharacterEscapes(new GoogleEscapes());
    return mapper;
  }

  /** Writes like Google's non-streaming bodies: 2-space indent, {@code "key": value}, LF. */
  public static ObjectWriter prettyWriter(ObjectMapper mapper) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    return mapper.writer(printer);
  }

  /** Writes like Google's SSE events: one line, {@code ": "} after keys, no space after commas. */
  public static ObjectWriter eventWriter(ObjectMapper mapper) {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEntrySpacing(Separators.Spacing.NONE)
        .withArrayValueSpacing(Separators.Spacing.NONE)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
        .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter())
        .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter());
    return mapper.writer(printer);
  }

  /** The writer with enums of the response schema written as their proto numbers ({@code enum-encoding=int}). */
  public static ObjectWriter withIntegerEnums(ObjectWriter writer) {
    return writer.withAttribute(INTEGER_ENUMS, Boolean.TRUE);
  }

  private static final String INTEGER_ENUMS = "gememu.integerEnums";

  /** An enum's name, or its proto number when the writer was made by {@link #withIntegerEnums}. */
  private static final class WireEnumSerializer extends StdSerializer<WireEnum> {
    WireEnumSerializer() {
      super(WireEnum.class);
    }

    @Override
    public void serialize(WireEnum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (Boolean.TRUE.equals(provider.getAttribute(INTEGER_ENUMS))) {
        gen.writeNumber(value.number());
      } else {
        gen.writeString(((Enum<?>) value).name());
      }
    }
  }

  /**
   * Proto JSON's int32 and int64: an integer, a number without a fraction (the Java SDK sends
   * {@code topK} as {@code 40.0}) or such a number in a string (how int64 values are written);
   * {@code 1.5} or a value out of range is invalid, never rounded or cut.
   */
  private static final class ProtoIntegerDeserializer<T extends Number> extends StdDeserializer<T> {
    private final Class<T> type;
    private final String protoType;
    private final Function<BigDecimal, T> exact;

    private ProtoIntegerDeserializer(Class<T> type, String protoType, Function<BigDecimal, T> exact) {
      super(type);
      this.type = type;
      this.protoType = protoType;
      this.exact = exact;
    }

    static ProtoIntegerDeserializer<Integer> int32() {
      return new ProtoIntegerDeserializer<>(Integer.class, "int32", BigDecimal::intValueExact);
    }

    static ProtoIntegerDeserializer<Long> int64() {
      return new ProtoIntegerDeserializer<>(Long.class, "int64", BigDecimal::longValueExact);
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_STRING) {
        return type.cast(ctxt.handleUnexpectedToken(type, p));
      }
      try {
        return exact.apply(token == JsonToken.VALUE_STRING ? new BigDecimal(p.getText().trim()) : p.getDecimalValue());
      } catch (NumberFormatException | ArithmeticException notAnInteger) {
        Object shown = token == JsonToken.VALUE_STRING ? p.getText() : p.getDecimalValue();
        throw InvalidFormatException.from(p, "not an " + protoType, shown, type);
      }
    }
  }

  /** Lets every field also be spelled in snake_case, as Google's proto JSON parser allows. */
  private static final class SnakeCaseAliases extends JacksonAnnotationIntrospector {
    @Override
    public List<PropertyName> findPropertyAliases(Annotated member) {
      List<PropertyName> aliases = new ArrayList<>();
      List<PropertyName> declared = super.findPropertyAliases(member);
      if (declared != null) {
        aliases.addAll(declared);
      }
      String name = javaName(member);
      if (name != null) {
        String snake = toSnakeCase(name);
        if (!snake.equals(name)) {
          aliases.add(PropertyName.construct(snake));
        }
      }
      return aliases.isEmpty() ? null : aliases;
    }

    /** Record constructor parameters carry no name of their own: take the record component's. */
    private static String javaName(Annotated member) {
      if (member instanceof AnnotatedParameter parameter) {
        Class<?> owner = parameter.getDeclaringClass();
        return owner.isRecord() ? owner.getRecordComponents()[parameter.getIndex()].getName() : null;
      }
      return member instanceof AnnotatedMember ? member.getName() : null;
    }
  }

  static String toSnakeCase(String camel) {
    StringBuilder snake = new StringBuilder(camel.length() + 4);
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        snake.append('_').append(Character.toLowerCase(c));
      } else {
        snake.append(c);
      }
    }
    return snake.toString();
  }

  /** Google escapes {@code <} and {@code >} in strings as {@code \u003c} and {@code \u003e}. */
  private static final class GoogleEscapes extends CharacterEscapes {
    private final int[] escapes = standardAsciiEscapesForJSON();

    GoogleEscapes() {
      escapes['<'] = ESCAPE_CUSTOM;
      escapes['>'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return new SerializedString(String.format("\\u%04x", ch));
    }
  }

}
